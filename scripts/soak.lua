-- Mixed traffic for scripts/soak.sh: REST searches and look-ups, GraphQL queries and a batch, and a few requests
-- that must be refused (4xx). Every thread cycles through the list from its own offset; done() adds up the statuses.
local requests = {
  { "GET", "/api/v1/assets" },
  { "GET", "/api/v1/assets?postcode=RM16%202JT&radius=5000" },
  { "GET", "/api/v1/assets?q=lunch%20club" },
  { "GET", "/api/v1/assets?lat=51.48&lon=0.33&radius=3000&category=food-and-meals" },
  { "GET", "/api/v1/hubs?openOn=tuesday" },
  { "GET", "/api/v1/activities?free=true&pageSize=50" },
  { "GET", "/api/v1/micro-enterprises?acceptsDirectPayments=true" },
  { "GET", "/api/v1/pcn-areas" },
  { "GET", "/api/v1/pcn-areas/U81042" },
  { "GET", "/api/v1/pcn-areas/U81042/assets?q=walk" },
  { "GET", "/api/v1/pcn-areas/lookup?postcode=RM16%202JT" },
  { "GET", "/api/v1/categories" },
  { "GET", "/api/v1/postcodes/RM16%202JT" },
  { "GET", "/api/v1/assets.geojson?pcn=U81041" },
  { "POST", "/graphql", '{"query":"{ assets(postcode: \\"RM16 2JT\\", radiusMetres: 5000, first: 20) { totalCount edges { node { name distanceMetres categories { slug } pcnArea { code } } } } }"}' },
  { "POST", "/graphql", '{"query":"{ pcnAreas { code name counts { total } } }"}' },
  { "POST", "/graphql", '[{"query":"{ hubs(text: \\"hub\\") { totalCount } }"},{"query":"{ categories { slug assetCount } }"}]' },
  { "GET", "/graphql?query=%7B%20activities(openOn%3A%20%22tue%22)%20%7B%20totalCount%20%7D%20%7D" },
  -- Refused on purpose: counted as 4xx, not as errors.
  { "GET", "/api/v1/assets?q=%00" },
  { "GET", "/api/v1/assets?lat=abc" },
  { "POST", "/graphql", '[null]' },
  { "GET", "/api/v1/no-such-thing" },
}

local threads = {}
local counter = 1

function setup(thread)
  thread:set("offset", counter * 7)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  i = offset or 0
  ok, refused, failed = 0, 0, 0
end

function request()
  i = i + 1
  local r = requests[(i % #requests) + 1]
  local headers = { ["Accept"] = "application/json" }
  if r[3] then headers["Content-Type"] = "application/json" end
  return wrk.format(r[1], r[2], headers, r[3])
end

function response(status, headers, body)
  if status >= 500 then failed = failed + 1
  elseif status >= 400 then refused = refused + 1
  else ok = ok + 1 end
end

function done(summary, latency, requests)
  local o, r, f = 0, 0, 0
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok")
    r = r + thread:get("refused")
    f = f + thread:get("failed")
  end
  io.write(string.format("SOAK statuses: 2xx/3xx %d, 4xx (expected refusals) %d, 5xx %d\n", o, r, f))
  io.write(string.format("SOAK socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("SOAK latency ms: p50 %.1f, p99 %.1f, max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
