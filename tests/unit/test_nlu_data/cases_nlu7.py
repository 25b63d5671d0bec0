# Neighbours of the nlu7 blind-set failures (../nlu-cases7), so that each fix holds for its family, not one sentence.
N = "2026-11-28T10:00"   # Saturday
C = [
# a web address is no part of a title, and no date or amount is read in it
("es", N, "subir la práctica de Bases de Datos antes del 20-12 https://moodle.uni.es/mod/assign/55", {"intent":"task.add","title":"subir la práctica de Bases de Datos","due_date":"2026-12-20"}),
("es", N, "entregar informe www.uni.es/p/3 el 3/12", {"intent":"task.add","title":"entregar informe","due_date":"2026-12-03"}),
("en", N, "submit the essay http://classroom.example.com/c/2024/12 by friday", {"intent":"task.add","title":"submit the essay","due_date":"2026-12-04"}),
("es", N, "leer el artículo https://arxiv.org/abs/2101.00001 para el lunes", {"intent":"task.add","title":"leer el artículo","due_date":"2026-11-30"}),
# who did it and the auxiliary before the done word are no part of the ref
("en", N, "I've submitted the Chemistry essay", {"intent":"task.done","ref":"Chemistry essay"}),
("en", N, "I have finished the lab report", {"intent":"task.done","ref":"lab report"}),
("en", N, "we've done the Physics lab", {"intent":"task.done","ref":"Physics lab"}),
("en", N, "i've handed in the essay on Hamlet", {"intent":"task.done","ref":"essay on Hamlet"}),
("es", N, "ya hemos entregado el trabajo de grupo", {"intent":"task.done","ref":"trabajo de grupo"}),
# "completo"/"complete" beside a listing word means whole, not done
("es", N, "quiero ver el horario completo", {"intent":"timetable.show"}),
("en", N, "show me the complete timetable", {"intent":"timetable.show"}),
("es", N, "la lista completa de tareas", {"intent":"task.list"}),
("es", N, "agenda completa de mañana", {"intent":"agenda.show","date":"2026-11-29"}),
("es", N, "completa la 3", {"intent":"task.done","ref":"3"}),
("en", N, "task 3 complete", {"intent":"task.done","ref":"3"}),
# a sum to work out is small talk, not an amount
("en", N, "what's 12 times 4", {"intent":"unknown"}),
("en", N, "12 times 4?", {"intent":"unknown"}),
("en", N, "what's 20 divided by 4", {"intent":"unknown"}),
("es", N, "cuánto es 7 por 8", {"intent":"unknown"}),
("es", N, "cuánto es 20 dividido entre 4", {"intent":"unknown"}),
("en", N, "what is 3 + 4", {"intent":"unknown"}),
("es", N, "bus 5 por semana", {"intent":"expense.add","amount":"5.00","every":"week"}),
# a story in the past with no amount is no to-do, whatever weekday it names; with an amount it is spent
("en", N, "I had dinner with Sara on friday", {"intent":"unknown"}),
("en", N, "I went to the cinema with Tom on tuesday", {"intent":"unknown"}),
("en", N, "met Anna at the library on monday", {"intent":"unknown"}),
("es", N, "el viernes fui al cine con Ana", {"intent":"unknown"}),
("es", N, "estuve en la biblioteca el martes con Luis", {"intent":"unknown"}),
("en", N, "I had to submit the essay by friday", {"intent":"task.add","due_date":"2026-12-04"}),
("es", N, "fui al cine el viernes 8€", {"intent":"expense.add","amount":"8.00","date":"2026-11-27"}),
("en", N, "went to the cinema on friday 8.50", {"intent":"expense.add","amount":"8.50","date":"2026-11-27"}),
("es", N, "estudiar tema VI para el lunes", {"intent":"task.add","due_date":"2026-11-30"}),
]
