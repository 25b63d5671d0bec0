# Neighbours of the nlu6 blind-set failures (../nlu-cases6), so that each fix holds for its family, not one sentence.
N = "2026-11-28T10:00"   # Saturday
C = [
# "hora y media" / "an hour and a half" said without a number; "N horas y media", "N hours and a half"
("es", N, "recuérdame las clases con hora y media de antelación", {"intent":"reminder.set","target":"classes","minutes":90}),
("es", N, "avísame de las entregas dos horas y media antes", {"intent":"reminder.set","target":"tasks","minutes":150}),
("es", N, "avísame una hora y media antes de clase", {"intent":"reminder.set","target":"classes","minutes":90}),
("en", N, "remind me 2 hours and a half before deadlines", {"intent":"reminder.set","target":"tasks","minutes":150}),
("en", N, "notify me an hour and a half before lectures", {"intent":"reminder.set","target":"classes","minutes":90}),
# tres cuartos de hora is 45, un cuarto 15, media 30
("es", N, "avísame tres cuartos de hora antes de las clases", {"intent":"reminder.set","target":"classes","minutes":45}),
("es", N, "avísame un cuarto de hora antes de las entregas", {"intent":"reminder.set","target":"tasks","minutes":15}),
# 45' and 45′ are minutes
("es", N, "recuérdame las clases 10' antes", {"intent":"reminder.set","target":"classes","minutes":10}),
("es", N, "aviso de clase 20′ antes", {"intent":"reminder.set","target":"classes","minutes":20}),
# the day / week before, with no number
("en", N, "remind me about assignments the day before", {"intent":"reminder.set","target":"tasks","minutes":1440}),
("en", N, "remind me of exams the week before", {"intent":"reminder.set","target":"tasks","minutes":10080}),
("es", N, "recuérdame los exámenes la semana antes", {"intent":"reminder.set","target":"tasks","minutes":10080}),
("es", N, "avísame de las entregas el día antes", {"intent":"reminder.set","target":"tasks","minutes":1440}),
# "y el anterior", "and the one before": one earlier period beside it
("es", N, "gráfico de tarta de esta semana y la anterior", {"intent":"expense.chart","kind":"pie","period":"week","date":"2026-11-28","compare":1}),
("es", N, "gráfico de líneas de este año y el anterior", {"intent":"expense.chart","kind":"line","period":"year","date":"2026-11-28","compare":1}),
("en", N, "bar chart of this month and the one before", {"intent":"expense.chart","kind":"bar","period":"month","date":"2026-11-28","compare":1}),
("en", N, "line chart of this week and the previous one", {"intent":"expense.chart","kind":"line","period":"week","date":"2026-11-28","compare":1}),
# "y cuarto" is a quarter of the unit, not a half; "1h30", "1.5 hours", "1,5 días"
("es", N, "avísame 1 hora y cuarto antes de clase", {"intent":"reminder.set","target":"classes","minutes":75}),
("es", N, "avísame 2 horas y tres cuartos antes de clase", {"intent":"reminder.set","target":"classes","minutes":165}),
("es", N, "avísame 1h30 antes de clase", {"intent":"reminder.set","target":"classes","minutes":90}),
("es", N, "recuérdame las entregas 2h15 antes", {"intent":"reminder.set","target":"tasks","minutes":135}),
("en", N, "remind me 1.5 hours before class", {"intent":"reminder.set","target":"classes","minutes":90}),
("es", N, "avísame 1,5 días antes de las entregas", {"intent":"reminder.set","target":"tasks","minutes":2160}),
# "10h30" is a clock time; "aula H2" stays a room
("es", N, "entregar informe mañana a las 10h30", {"intent":"task.add","title":"entregar informe","due_date":"2026-11-29","due_time":"10:30"}),
("es", N, "examen de Física el lunes a las 9h45", {"intent":"task.add","due_date":"2026-11-30","due_time":"09:45","subject":"Física"}),
("es", N, "Física los lunes de 9 a 11 aula H2", {"intent":"class.add","subject":"Física","weekday":1,"start":"09:00","end":"11:00","room":"H2"}),
("en", N, "doughnut chart for this month", {"intent":"expense.chart","kind":"pie","period":"month","date":"2026-11-28"}),
]
