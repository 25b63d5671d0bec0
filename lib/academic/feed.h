/* See LICENSE. feed.h: the private calendar feed, GET /calendar/TOKEN.ics (CONTRACT.md section 4). */
#ifndef MSB_ACADEMIC_FEED_H
#define MSB_ACADEMIC_FEED_H

struct db;
struct strbuf;

/*
 * Appends to "out" the RFC 5545 calendar of the user whose feed token is
 * "token": their classes as weekly events within the term, plus every
 * feed_sources[] entry's events. Runs its queries outside any transaction
 * of the caller's (read only). Returns 0, 1 for an unknown or malformed
 * token (the caller answers 404), -1 on a database error (503).
 */
int	academic_feed_ics(struct db *, const char *token, struct strbuf *out);

#endif
