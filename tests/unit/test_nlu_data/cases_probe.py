# Regressions found by trying messages by hand.
N = "2026-11-28T10:00"
C = [
("en", N, "Monday Dec 1st: Latin exam", {"intent":"task.add","title":"Latin exam","due_date":"2026-12-01","subject":"Latin"}),
("es", N, "el lunes, 1 de diciembre examen de latín", {"intent":"task.add","due_date":"2026-12-01","subject":"latín"}),
("es", N, "gráfico comparando con el mes pasado", {"intent":"expense.chart","period":"month","date":"2026-11-28","compare":1}),
("en", N, "uber to campus $8", {"intent":"expense.add","amount":"8.00","currency":"USD","concept":"uber to campus","category":"transport","date":"2026-11-28"}),
("en", N, "Paid rent: 650", {"intent":"expense.add","amount":"650.00","currency":"EUR","concept":"rent","category":"housing","date":"2026-11-28"}),
("en", N, "got a haircut for 15", {"intent":"expense.add","amount":"15.00","currency":"EUR","concept":"haircut","date":"2026-11-28"}),
("en", N, "lunch with friends yesterday, 14 euros", {"intent":"expense.add","amount":"14.00","currency":"EUR","concept":"lunch with friends","category":"food","date":"2026-11-27"}),
("es", N, "cena 20€ el 5", {"intent":"expense.add","amount":"20.00","currency":"EUR","concept":"cena","category":"food","date":"2026-11-05"}),
("es", N, "entregar trabajo 10/12/26", {"intent":"task.add","title":"entregar trabajo","due_date":"2026-12-10"}),
("en", N, "due 2026-12-05: final project", {"intent":"task.add","title":"final project","due_date":"2026-12-05"}),
("es", N, "me han puesto un 7 en el examen", {"intent":"unknown"}),
("es", N, "¿cuánto cuesta la matrícula?", {"intent":"unknown"}),
("en", N, "I have an exam on monday", {"intent":"task.add","title":"exam","due_date":"2026-11-30"}),
("en", N, "meet Anna monday at 3", {"intent":"task.add","due_date":"2026-11-30","due_time":"15:00"}),
("en", N, "Calc TTh 11:00-12:15", {"intent":"class.add","subject":"Calc","weekday":[2,4],"start":"11:00","end":"12:15"}),
("en", N, "MW 9-10:30 Biology", {"intent":"class.add","subject":"Biology","weekday":[1,3],"start":"09:00","end":"10:30"}),
("es", N, "pagué 50€ de luz el viernes", {"intent":"expense.add","amount":"50.00","concept":"luz","category":"bills","date":"2026-11-27"}),
("es", N, "tengo que pagar 50€ de luz el viernes", {"intent":"task.add","due_date":"2026-12-04"}),
("en", N, "I spent the whole day studying", {"intent":"unknown"}),
("es", N, "gasté 2 horas en el examen", {"intent":"unknown"}),
]
