# Neighbours of the nlu5 blind-set failures (../nlu-cases5), so that each fix holds for its family, not one sentence.
N = "2026-11-28T10:00"   # Saturday
C = [
# English clock words before the hour: half past, quarter past, (a) quarter to
("en", N, "meet tutor on friday at quarter past 10", {"intent":"task.add","title":"meet tutor","due_date":"2026-12-04","due_time":"10:15"}),
("en", N, "Physics lab report due monday at a quarter to 1 pm", {"intent":"task.add","title":"Physics lab report","due_date":"2026-11-30","due_time":"12:45","subject":"Physics"}),
("en", N, "essay due tuesday at half past 12", {"intent":"task.add","title":"essay","due_date":"2026-12-01","due_time":"12:30"}),
("en", N, "call mom at half past seven pm", {"intent":"task.add","title":"call mom","due_date":"2026-11-28","due_time":"19:30"}),
("en", N, "Economics seminar mondays half past 9 to 11", {"intent":"class.add","weekday":1,"start":"09:30","end":"11:00"}),
("en", N, "remind me of classes half an hour before", {"intent":"reminder.set","target":"classes","minutes":30}),
("en", N, "I want a heads-up a quarter of an hour before class", {"intent":"reminder.set","target":"classes","minutes":15}),
("en", N, "the quarter ends on Dec 18", {"intent":"term.set"}),
# the part of the day after "y media", "menos cuarto", "y cuarto"
("es", N, "repasar Física el lunes a las 9 menos cuarto de la noche", {"intent":"task.add","title":"repasar Física","due_date":"2026-11-30","due_time":"20:45","subject":"Física"}),
("es", N, "cena a las 10 y cuarto de la noche el viernes con los de Redes", {"intent":"task.add","due_date":"2026-12-04","due_time":"22:15"}),
# a number before a month is a day, not an hour
("en", N, "thesis due by 5 January", {"intent":"task.add","title":"thesis","due_date":"2027-01-05","due_time":None}),
("en", N, "essay due before 10 Dec", {"intent":"task.add","title":"essay","due_date":"2026-12-10","due_time":None}),
# fortnight is 14 days; Latin-American buses and pie charts; "lista" after a number is done
("en", N, "Biology quiz in two fortnights", {"intent":"task.add","title":"Biology quiz","due_date":"2026-12-26"}),
("es", N, "bondi 300 ayer", {"intent":"expense.add","amount":"300.00","currency":"EUR","concept":"bondi","category":"transport","date":"2026-11-27"}),
("es", N, "guagua 1,40", {"intent":"expense.add","amount":"1.40","currency":"EUR","category":"transport"}),
("es", N, "gráfica de pastel del mes", {"intent":"expense.chart","kind":"pie","period":"month","date":"2026-11-28"}),
("es", N, "torta de jamón 45", {"intent":"expense.add","amount":"45.00","category":"food"}),
("es", N, "la 3 ya lista", {"intent":"task.done","ref":"3"}),
("es", N, "muéstrame la lista de tareas", {"intent":"task.list"}),
("en", N, "present the Marketing slides on friday", {"intent":"task.add","due_date":"2026-12-04","subject":"Marketing"}),
# polite wrappers stay out of titles and concepts
("es", N, "oye me apuntas que mañana a las 5 de la tarde tengo que llamar al profe de Física", {"intent":"task.add","title":"llamar al profe de Física","due_date":"2026-11-29","due_time":"17:00","subject":"Física"}, "America/Argentina/Buenos_Aires"),
("es", N, "me anotas que gasté 12 en el colectivo", {"intent":"expense.add","amount":"12.00","currency":"EUR","concept":"colectivo","category":"transport"}),
("es", N, "me apuntas el examen de Física para el lunes", {"intent":"task.add","title":"examen de Física","due_date":"2026-11-30","subject":"Física"}),
("en", N, "Could you please note that I spent 15 bucks on lunch", {"intent":"expense.add","amount":"15.00","currency":"USD","concept":"lunch","category":"food"}, "America/New_York"),
("en", N, "could you please note that the Chemistry lab report is due Dec 3rd", {"intent":"task.add","title":"Chemistry lab report","due_date":"2026-12-03","subject":"Chemistry"}),
("en", N, "make a note that I paid 30 for the gym", {"intent":"expense.add","amount":"30.00","concept":"gym"}),
("es", N, "pasaje 2,50", {"intent":"expense.add","amount":"2.50","currency":"EUR","concept":"pasaje","category":"transport"}, "America/Lima"),
]
