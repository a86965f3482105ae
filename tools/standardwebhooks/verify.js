// Verifies webhook requests with the standardwebhooks library, as a receiver would.
// Standard input: a JSON array of {secret, raw, headers, body}; raw means the secret is not
// whsec_ base64 and its UTF-8 bytes are the key. Prints one line per request, "ok TYPE" or
// "rejected: WHY", and exits 1 when any was rejected.
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  let rejected = 0;
  for (const request of JSON.parse(input)) {
    try {
      const hook = request.raw
        ? new Webhook(request.secret, { format: "raw" })
        : new Webhook(request.secret);
      const payload = hook.verify(request.body, request.headers);
      console.log("ok " + payload.type);
    } catch (e) {
      rejected++;
      console.log("rejected: " + e.message);
    }
  }
  process.exit(rejected === 0 ? 0 : 1);
});
