# Neighbours of the nlu8 blind-set failures (../nlu-cases8), so that each fix holds for its family, not one sentence.
N = "2026-11-28T10:00"   # Saturday
Y = "2026-12-31T21:30"   # Thursday, year end
C = [
# chat words that start with a digit are words, not numbers: 2moro, 2morrow, 2day, 2nite
("en", N, "Physics lab report 2moro 9am", {"intent":"task.add","title":"Physics lab report","due_date":"2026-11-29","due_time":"09:00"}),
("en", N, "whats on 2moro", {"intent":"agenda.show","date":"2026-11-29"}),
("en", Y, "whats on 2moro?", {"intent":"agenda.show","date":"2027-01-01"}),
("en", N, "essay due 2morrow", {"intent":"task.add","title":"essay","due_date":"2026-11-29"}),
("en", N, "revise chapter 3 2moz", {"intent":"task.add","due_date":"2026-11-29"}),
("en", N, "what's on 2day", {"intent":"agenda.show","date":"2026-11-28"}),
("en", N, "finish the slides 2nite", {"intent":"task.add","title":"finish the slides","due_date":"2026-11-28"}),
# ...while digits glued to other letters stay numbers
("en", N, "group meeting at 5pm tomorrow", {"intent":"task.add","due_date":"2026-11-29","due_time":"17:00"}),
("es", N, "entregar tp de Fisica el jueves 18hs", {"intent":"task.add","due_date":"2026-12-03","due_time":"18:00"}),
("es", N, "examen el lunes a las 9h", {"intent":"task.add","due_date":"2026-11-30","due_time":"09:00"}),
# Spanish "fuera" is "out" after a verb or before "de": no delete
("es", N, "ayer cene fuera 25 euros", {"intent":"expense.add","amount":"25.00","category":"food","date":"2026-11-27"}),
("es", N, "comimos fuera 40€ el viernes", {"intent":"expense.add","amount":"40.00","category":"food","date":"2026-11-27"}),
("es", N, "cenar fuera 18,50", {"intent":"expense.add","amount":"18.50","category":"food"}),
("es", N, "fuera la 3", {"intent":"task.delete","ref":"3"}),
("es", N, "fuera el taxi de ayer", {"intent":"expense.delete"}),
# a meal told in the past, without an amount, is a story
("es", N, "comí con Ana el viernes", {"intent":"unknown"}),
("es", N, "cené con Laura el martes", {"intent":"unknown"}),
("es", N, "ayer desayuné churros 3,5", {"intent":"expense.add","amount":"3.50","category":"food","date":"2026-11-27"}),
# Latin American "tenis" (counted or owned) are trainers; the sport stays leisure
("es", N, "compre unos tenis 60 dolares", {"intent":"expense.add","amount":"60.00","currency":"USD","category":"shopping"}, "America/Mexico_City"),
("es", N, "me compré un par de tenis 45€", {"intent":"expense.add","amount":"45.00","category":"shopping"}, "America/Bogota"),
("es", N, "clase de tenis 20€", {"intent":"expense.add","amount":"20.00","category":"leisure"}),
]
