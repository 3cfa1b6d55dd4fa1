// Stock API: GET /api/stock, GET /api/history, POST /api/adjust {category, delta, pin}
const { DynamoDBClient, QueryCommand, UpdateItemCommand, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const { SSMClient, GetParameterCommand } = require("@aws-sdk/client-ssm");

const db = new DynamoDBClient({});
const ssm = new SSMClient({});
const TABLE = process.env.TABLE;
const CATEGORIES = JSON.parse(process.env.CATEGORIES || "[]");
let pinCache;

async function pin() {
  if (!pinCache) {
    const r = await ssm.send(new GetParameterCommand({ Name: process.env.PIN_PARAM, WithDecryption: true }));
    pinCache = r.Parameter.Value;
  }
  return pinCache;
}

const json = (code, body) => ({ statusCode: code, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

exports.handler = async (event) => {
  const path = event.rawPath || "";
  if (path.endsWith("/api/stock")) {
    const r = await db.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "count" } } }));
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
    for (const it of r.Items || []) if (it.sk.S in counts) counts[it.sk.S] = Number(it.n.N);
    return json(200, counts);
  }
  if (path.endsWith("/api/adjust") && event.requestContext.http.method === "POST") {
    const b = JSON.parse(event.body || "{}");
    if (b.pin !== (await pin())) return json(403, { error: "bad pin" });
    if (!CATEGORIES.includes(b.category)) return json(400, { error: "unknown category" });
    const delta = Math.max(-20, Math.min(20, Number(b.delta) || 0));
    await db.send(new UpdateItemCommand({
      TableName: TABLE, Key: { pk: { S: "count" }, sk: { S: b.category } },
      UpdateExpression: "ADD n :d", ExpressionAttributeValues: { ":d": { N: String(delta) } },
    }));
    const now = new Date();
    await db.send(new PutItemCommand({
      TableName: TABLE,
      Item: { pk: { S: "hist" }, sk: { S: `${now.toISOString()}#${b.category}` }, d: { N: String(delta) }, expires: { N: String(Math.floor(now / 1000) + 7 * 86400) } },
    }));
    return json(200, { ok: true });
  }
  if (path.endsWith("/api/history")) {
    const r = await db.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "hist" } } }));
    const rows = (r.Items || []).map((i) => i.sk.S.split("#").concat(i.d.N).join(","));
    return { statusCode: 200, headers: { "content-type": "text/csv" }, body: "time,category,delta\n" + rows.join("\n") };
  }
  return json(404, { error: "not found" });
};
