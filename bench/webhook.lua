-- webhook.lua: wrk script for bench/webhook.sh. See LICENSE.
-- Every request is a distinct Update (update_id = run base + per-thread counter * 1000 + thread id;
-- kept under 2^53 so that LuaJIT's doubles hold it exactly),
-- a private message "hola" from one of BENCH_USERS senders. Secret from MSB_WEBHOOK_SECRET.
local threads = {}
local next_tid = 0

function setup(thread)
	thread:set("tid", next_tid)
	next_tid = next_tid + 1
	table.insert(threads, thread)
end

local secret = os.getenv("MSB_WEBHOOK_SECRET") or ""
local users = tonumber(os.getenv("BENCH_USERS") or "1000")
local base, tid, n

function init(args)
	-- ids of this run do not meet an earlier run's: the clock in the high part (< 10^15)
	base = (os.time() % 1000000) * 1000000000
	tid = tonumber(wrk.thread:get("tid")) or 0
	n = 0
end

function request()
	n = n + 1
	local id = string.format("%.0f", base + n * 1000 + tid)
	local uid = 900000000 + (n + tid) % users
	local body = string.format(
		'{"update_id":%s,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,' ..
		'"first_name":"Bench","language_code":"es"},"chat":{"id":%d,"first_name":"Bench",' ..
		'"type":"private"},"date":%d,"text":"hola"}}', id, n, uid, uid, os.time())
	return wrk.format("POST", nil, {
		["Content-Type"] = "application/json",
		["X-Telegram-Bot-Api-Secret-Token"] = secret,
	}, body)
end

function done(summary, latency, requests)
	local secs = summary.duration / 1e6
	local e = summary.errors
	io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d errors=%d\n",
		summary.requests, summary.requests / secs, latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
