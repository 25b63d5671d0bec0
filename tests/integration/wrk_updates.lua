-- wrk_updates.lua: wrk posts a distinct Telegram Update per request (test_faults.py). See LICENSE.
--   WRK_BASE_ID=N WRK_SECRET=S wrk -t2 -c8 -d6s -s tests/integration/wrk_updates.lua URL
-- Thread t sends update_ids N + t*10^7 + 1, 2, ...; users rotate over 5000 ids so the flood
-- limit never applies. WRK_CLOSE=1 sends "Connection: close" (a new connection per update).
-- done() prints one line:
--   RESULT requests=R non2xx=X connect=C read=D write=W timeout=T
local threads = {}
local counter = 0

function setup(thread)
	thread:set("tid", #threads)
	table.insert(threads, thread)
end

function init(args)
	base = tonumber(os.getenv("WRK_BASE_ID")) + tid * 10000000
	secret = os.getenv("WRK_SECRET")
	headers = {["Content-Type"] = "application/json", ["X-Telegram-Bot-Api-Secret-Token"] = secret}
	if os.getenv("WRK_CLOSE") == "1" then
		headers["Connection"] = "close"
	end
end

function request()
	counter = counter + 1
	local id = base + counter
	local user = 30000000 + id % 5000
	local body = string.format('{"update_id":%d,"message":{"message_id":%d,"date":%d,' ..
		'"chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"W",' ..
		'"language_code":"es"},"text":"/ayuda"}}', id, counter, os.time(), user, user)
	return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("RESULT requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p99_ms=%.1f\n",
		summary.requests, e.status, e.connect, e.read, e.write, e.timeout, latency:percentile(99) / 1000))
end
