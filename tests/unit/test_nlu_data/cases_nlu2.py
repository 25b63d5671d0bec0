# Generalisation batch (nlu2): each phenomenon fixed from the second blind set, in new words.
M = "2026-11-02T09:00"   # Monday
F = "2027-01-15T16:45"   # Friday
S = "2027-05-31T20:30"   # Monday
C = [
# pesos and other currencies said in words
("es", M, "quesadillas 65 pesos", {"intent":"expense.add","amount":"65.00","currency":"MXN","concept":"quesadillas","category":"food","date":"2026-11-02"}),
("es", M, "pagué 90 pesos de camión", {"intent":"expense.add","amount":"90.00","currency":"MXN","category":"transport","date":"2026-11-02"}),
("es", M, "límite de 3.000 pesos al mes", {"intent":"budget.set","amount":"3000.00","currency":"MXN","period":"month"}),
("es", M, "taxi 2500 pesos argentinos", {"intent":"expense.add","amount":"2500.00","currency":"ARS","category":"transport","date":"2026-11-02"}),
("en", M, "spent 40 pesos on tacos", {"intent":"expense.add","amount":"40.00","currency":"MXN","concept":"tacos","category":"food","date":"2026-11-02"}),
("en", M, "bought a pen 2", {"intent":"expense.add","amount":"2.00","currency":"EUR","date":"2026-11-02"}),
("es", M, "cena 30 dólares canadienses", {"intent":"expense.add","amount":"30.00","currency":"CAD","concept":"cena","category":"food","date":"2026-11-02"}),
# English subject: filler and lower-case words before the capitalised name
("en", S, "omg Statistics quiz tomorrow", {"intent":"task.add","due_date":"2027-06-01","subject":"Statistics"}),
("en", S, "ugh Marketing group report due friday", {"intent":"task.add","due_date":"2027-06-04","subject":"Marketing"}),
# numbered parts are not clock ranges
("en", F, "do problems 5-8 for Physics by wednesday", {"intent":"task.add","due_date":"2027-01-20","subject":"Physics"}),
("es", F, "hacer ejercicios 4-6 de Álgebra para el martes", {"intent":"task.add","due_date":"2027-01-19","subject":"Álgebra"}),
# class ranges and rooms
("en", F, "Marketing tuesday and friday 11 to 12:30 room B.12", {"intent":"class.add","subject":"Marketing","weekday":[2,5],"start":"11:00","end":"12:30","room":"B.12"}),
("es", F, "Álgebra los martes de 9 a 11 en la 2.3", {"intent":"class.add","subject":"Álgebra","weekday":2,"start":"09:00","end":"11:00","room":"2.3"}),
# budgets as wishes
("en", S, "i don't want to spend more than 80 a week", {"intent":"budget.set","amount":"80.00","currency":"EUR","period":"week"}),
("en", S, "keep my spending under 500 per month", {"intent":"budget.set","amount":"500.00","currency":"EUR","period":"month"}),
("es", S, "no quiero pasarme de 150€ a la semana", {"intent":"budget.set","amount":"150.00","currency":"EUR","period":"week"}),
("en", S, "paid more than 20 for lunch", {"intent":"expense.add","amount":"20.00","currency":"EUR","category":"food","date":"2027-05-31"}),
# "may" the month
("en", S, "how much did i spend in may", {"intent":"expense.summary","period":"month","date":"2027-05-31"}),
("en", F, "spending in may", {"intent":"expense.summary","period":"month","date":"2026-05-01"}),
# lists asked with a task noun
("en", S, "show my essays", {"intent":"task.list"}),
("es", S, "muéstrame los exámenes", {"intent":"task.list"}),
# done phrases out of the ref
("en", F, "turned in the Chem lab report", {"intent":"task.done","ref":"Chem lab report"}),
# no repetition from "new year"
("en", S, "new year dinner 55", {"intent":"expense.add","amount":"55.00","currency":"EUR","category":"food","date":"2027-05-31"}),
# vocabulary
("es", F, "bonometro 10 viajes 11,35€", {"intent":"expense.add","amount":"11.35","currency":"EUR","category":"transport","date":"2027-01-15"}),
("es", F, "tiritas y paracetamol 6,40€", {"intent":"expense.add","amount":"6.40","currency":"EUR","category":"health","date":"2027-01-15"}),
("es", F, "calcetines 8€", {"intent":"expense.add","amount":"8.00","currency":"EUR","concept":"calcetines","category":"shopping","date":"2027-01-15"}),
("es", F, "folios y subrayadores 7€", {"intent":"expense.add","amount":"7.00","currency":"EUR","category":"education","date":"2027-01-15"}),
("es", F, "factura de la luz 45€", {"intent":"expense.add","amount":"45.00","currency":"EUR","category":"bills","date":"2027-01-15"}),
("en", F, "cough syrup 6.50", {"intent":"expense.add","amount":"6.50","currency":"EUR","concept":"cough syrup","category":"health","date":"2027-01-15"}),
("en", F, "highlighters 4.99", {"intent":"expense.add","amount":"4.99","currency":"EUR","concept":"highlighters","category":"education","date":"2027-01-15"}),
("en", F, "bubble tea 5.50", {"intent":"expense.add","amount":"5.50","currency":"EUR","concept":"bubble tea","category":"food","date":"2027-01-15"}),
("en", F, "laser tag 25", {"intent":"expense.add","amount":"25.00","currency":"EUR","concept":"laser tag","category":"leisure","date":"2027-01-15"}),
("en", F, "council tax 90", {"intent":"expense.add","amount":"90.00","currency":"EUR","category":"bills","date":"2027-01-15"}),
# from the third set: subject after a to-do verb, "q" in fillers, help phrasings, adverbs in refs, English head nouns
("es", F, "repasar Microbiología el lunes", {"intent":"task.add","due_date":"2027-01-18","subject":"Microbiología"}),
("es", F, "anota q el martes tengo examen de Óptica", {"intent":"task.add","due_date":"2027-01-19","subject":"Óptica"}),
("es", F, "no sé qué hacer con este bot", {"intent":"help"}),
("en", F, "already handed in the Stats report", {"intent":"task.done","ref":"Stats report"}),
("en", F, "gym socks 7", {"intent":"expense.add","amount":"7.00","currency":"EUR","category":"shopping","date":"2027-01-15"}),
("en", F, "zoo tickets 30", {"intent":"expense.add","amount":"30.00","currency":"EUR","category":"leisure","date":"2027-01-15"}),
("es", F, "cuota de la piscina 20€ al mes", {"intent":"expense.add","amount":"20.00","currency":"EUR","category":"health","date":"2027-01-15","every":"month"}),
# subjects with "de la", course numbers; spending by category; generic Spanish heads
("es", F, "examen de Historia de la Música el martes", {"intent":"task.add","due_date":"2027-01-19","subject":"Historia de la Música"}),
("en", F, "Bio 110 lab report due monday", {"intent":"task.add","due_date":"2027-01-18","subject":"Bio 110"}),
("en", F, "how much on groceries this month", {"intent":"expense.summary","period":"month","date":"2027-01-15"}),
("en", F, "how much is a bus ticket", {"intent":"unknown"}),
("es", F, "recarga del abono 20€", {"intent":"expense.add","amount":"20.00","currency":"EUR","category":"transport","date":"2027-01-15"}),
("es", F, "clase particular de química 25€", {"intent":"expense.add","amount":"25.00","currency":"EUR","category":"education","date":"2027-01-15"}),
# thousands written with k
("en", F, "paid 1.2k for the deposit", {"intent":"expense.add","amount":"1200.00","currency":"EUR","category":"housing","date":"2027-01-15"}),
("es", F, "límite de 2k al año", {"intent":"budget.set","amount":"2000.00","currency":"EUR","period":"year"}),
# comparisons asked without the word chart
("en", F, "compare this week with last week", {"intent":"expense.chart","period":"week","date":"2027-01-15","compare":1}),
("es", F, "compara este mes con el anterior", {"intent":"expense.chart","period":"month","date":"2027-01-15","compare":1}),
# the lead's requests: small talk kind, alternate weeks, list subject without "de"
("es", F, "mil gracias", {"intent":"unknown","arg":"thanks"}),
("es", F, "hola", {"intent":"unknown","arg":"greeting"}),
("en", F, "bye!", {"intent":"unknown","arg":"bye"}),
("es", F, "Redes semanas alternas los lunes de 9 a 11", {"intent":"class.add","subject":"Redes","every":"2week","weekday":1,"start":"09:00","end":"11:00"}),
("es", F, "tareas SO", {"intent":"task.list","subject":"SO"}),
]
