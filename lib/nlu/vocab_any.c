/* See LICENSE. vocab_any.c: words read the same in Spanish and English: signs, brands, loanwords. */
#include <stddef.h>

#include "nlu/nlu_int.h"

const struct vocab vocab_any[] = {
	{ "\xe2\x82\xac", V_CURRENCY, 1 },	/* € */
	{ "$", V_CURRENCY, 2 },
	{ "\xc2\xa3", V_CURRENCY, 3 },		/* £ */
	{ "ok", V_THANKS, 0 }, { "okey", V_THANKS, 0 }, { "vale", V_THANKS, 0 }, { "thanks", V_THANKS, 0 },
	{ "xd", V_THANKS, 0 }, { "jeje", V_THANKS, 0 }, { "haha", V_THANKS, 0 },
	{ "pm", V_AMPM, 2 }, { "am", V_AMPM, 1 },
	/* other ISO 4217 codes, as written after an amount; the values index intents.c's cur_names */
	{ "mxn", V_CURRENCY, 10 }, { "ars", V_CURRENCY, 11 }, { "cop", V_CURRENCY, 12 }, { "clp", V_CURRENCY, 13 },
	{ "chf", V_CURRENCY, 14 }, { "jpy", V_CURRENCY, 15 }, { "yen", V_CURRENCY, 15 }, { "cad", V_CURRENCY, 16 },
	{ "aud", V_CURRENCY, 17 }, { "brl", V_CURRENCY, 18 }, { "pen", V_CURRENCY, 19 }, { "sek", V_CURRENCY, 20 },
	{ "nok", V_CURRENCY, 21 }, { "dkk", V_CURRENCY, 22 }, { "pln", V_CURRENCY, 23 }, { "cny", V_CURRENCY, 24 },
	{ "\xc2\xa5", V_CURRENCY, 15 },
	{ "deadline", V_LINK, 0 },

	/* brands and loanwords, by category */
	{ "bus", V_CATEGORY, CAT_TRANSPORT }, { "metro", V_CATEGORY, CAT_TRANSPORT }, { "taxi", V_CATEGORY, CAT_TRANSPORT },
	{ "uber", V_CATEGORY, CAT_TRANSPORT }, { "cabify", V_CATEGORY, CAT_TRANSPORT }, { "bolt", V_CATEGORY, CAT_TRANSPORT },
	{ "renfe", V_CATEGORY, CAT_TRANSPORT }, { "alsa", V_CATEGORY, CAT_TRANSPORT }, { "blablacar", V_CATEGORY, CAT_TRANSPORT },
	{ "ryanair", V_CATEGORY, CAT_TRANSPORT }, { "vueling", V_CATEGORY, CAT_TRANSPORT }, { "lyft", V_CATEGORY, CAT_TRANSPORT },
	{ "parking", V_CATEGORY, CAT_TRANSPORT }, { "ave", V_CATEGORY, CAT_TRANSPORT }, { "bicing", V_CATEGORY, CAT_TRANSPORT },
	{ "mercadona", V_CATEGORY, CAT_FOOD }, { "lidl", V_CATEGORY, CAT_FOOD }, { "carrefour", V_CATEGORY, CAT_FOOD },
	{ "aldi", V_CATEGORY, CAT_FOOD }, { "dia", V_CATEGORY, CAT_FOOD }, { "eroski", V_CATEGORY, CAT_FOOD },
	{ "pizza", V_CATEGORY, CAT_FOOD }, { "kebab", V_CATEGORY, CAT_FOOD }, { "sushi", V_CATEGORY, CAT_FOOD },
	{ "burger", V_CATEGORY, CAT_FOOD }, { "mcdonalds", V_CATEGORY, CAT_FOOD }, { "mcdonald's", V_CATEGORY, CAT_FOOD },
	{ "starbucks", V_CATEGORY, CAT_FOOD }, { "telepizza", V_CATEGORY, CAT_FOOD }, { "glovo", V_CATEGORY, CAT_FOOD },
	{ "just eat", V_CATEGORY, CAT_FOOD }, { "deliveroo", V_CATEGORY, CAT_FOOD }, { "ubereats", V_CATEGORY, CAT_FOOD },
	{ "uber eats", V_CATEGORY, CAT_FOOD }, { "tacos", V_CATEGORY, CAT_FOOD }, { "burrito", V_CATEGORY, CAT_FOOD },
	{ "donuts", V_CATEGORY, CAT_FOOD }, { "kfc", V_CATEGORY, CAT_FOOD }, { "tesco", V_CATEGORY, CAT_FOOD },
	{ "sainsbury's", V_CATEGORY, CAT_FOOD }, { "walmart", V_CATEGORY, CAT_FOOD }, { "snack", V_CATEGORY, CAT_FOOD },
	{ "netflix", V_CATEGORY, CAT_LEISURE }, { "spotify", V_CATEGORY, CAT_LEISURE }, { "hbo", V_CATEGORY, CAT_LEISURE },
	{ "disney", V_CATEGORY, CAT_LEISURE }, { "hulu", V_CATEGORY, CAT_LEISURE }, { "steam", V_CATEGORY, CAT_LEISURE },
	{ "playstation", V_CATEGORY, CAT_LEISURE }, { "xbox", V_CATEGORY, CAT_LEISURE }, { "twitch", V_CATEGORY, CAT_LEISURE },
	{ "youtube", V_CATEGORY, CAT_LEISURE }, { "prime video", V_CATEGORY, CAT_LEISURE }, { "max", V_CATEGORY, CAT_LEISURE },
	{ "cine", V_CATEGORY, CAT_LEISURE }, { "padel", V_CATEGORY, CAT_LEISURE }, { "paintball", V_CATEGORY, CAT_LEISURE },
	{ "amazon", V_CATEGORY, CAT_SHOPPING }, { "zara", V_CATEGORY, CAT_SHOPPING }, { "primark", V_CATEGORY, CAT_SHOPPING },
	{ "shein", V_CATEGORY, CAT_SHOPPING }, { "ikea", V_CATEGORY, CAT_SHOPPING }, { "decathlon", V_CATEGORY, CAT_SHOPPING },
	{ "h&m", V_CATEGORY, CAT_SHOPPING }, { "aliexpress", V_CATEGORY, CAT_SHOPPING }, { "pull", V_CATEGORY, CAT_SHOPPING },
	{ "wifi", V_CATEGORY, CAT_BILLS }, { "internet", V_CATEGORY, CAT_BILLS }, { "movistar", V_CATEGORY, CAT_BILLS },
	{ "vodafone", V_CATEGORY, CAT_BILLS }, { "orange", V_CATEGORY, CAT_BILLS }, { "digi", V_CATEGORY, CAT_BILLS },
	{ "icloud", V_CATEGORY, CAT_BILLS }, { "fitness", V_CATEGORY, CAT_HEALTH }, { "crossfit", V_CATEGORY, CAT_HEALTH },
	{ "yoga", V_CATEGORY, CAT_HEALTH }, { "pilates", V_CATEGORY, CAT_HEALTH }, { "gym", V_CATEGORY, CAT_HEALTH },
	{ "chatgpt", V_CATEGORY, CAT_EDUCATION }, { "udemy", V_CATEGORY, CAT_EDUCATION }, { "coursera", V_CATEGORY, CAT_EDUCATION },
	{ "duolingo", V_CATEGORY, CAT_EDUCATION }, { "moodle", V_CATEGORY, CAT_EDUCATION },
	{ NULL, 0, 0 }
};

/* Places people name when they say where they are, and their zone. */
const struct zone_name zone_names[] = {
	{ "madrid", "Europe/Madrid" }, { "barcelona", "Europe/Madrid" }, { "espana", "Europe/Madrid" },
	{ "spain", "Europe/Madrid" }, { "sevilla", "Europe/Madrid" }, { "valencia", "Europe/Madrid" },
	{ "canarias", "Atlantic/Canary" }, { "tenerife", "Atlantic/Canary" }, { "las palmas", "Atlantic/Canary" },
	{ "londres", "Europe/London" }, { "london", "Europe/London" }, { "uk", "Europe/London" },
	{ "dublin", "Europe/Dublin" }, { "irlanda", "Europe/Dublin" }, { "ireland", "Europe/Dublin" },
	{ "lisboa", "Europe/Lisbon" }, { "lisbon", "Europe/Lisbon" }, { "portugal", "Europe/Lisbon" },
	{ "paris", "Europe/Paris" }, { "francia", "Europe/Paris" }, { "berlin", "Europe/Berlin" },
	{ "roma", "Europe/Rome" }, { "rome", "Europe/Rome" }, { "amsterdam", "Europe/Amsterdam" },
	{ "nueva york", "America/New_York" }, { "new york", "America/New_York" }, { "nyc", "America/New_York" },
	{ "boston", "America/New_York" }, { "chicago", "America/Chicago" }, { "los angeles", "America/Los_Angeles" },
	{ "san francisco", "America/Los_Angeles" }, { "mexico", "America/Mexico_City" },
	{ "ciudad de mexico", "America/Mexico_City" }, { "cdmx", "America/Mexico_City" },
	{ "bogota", "America/Bogota" }, { "colombia", "America/Bogota" }, { "lima", "America/Lima" },
	{ "peru", "America/Lima" }, { "santiago de chile", "America/Santiago" }, { "chile", "America/Santiago" },
	{ "buenos aires", "America/Argentina/Buenos_Aires" }, { "argentina", "America/Argentina/Buenos_Aires" },
	{ "caracas", "America/Caracas" }, { "montevideo", "America/Montevideo" }, { "quito", "America/Guayaquil" },
	{ "utc", "UTC" }, { "gmt", "Etc/GMT" },
	{ NULL, NULL }
};
