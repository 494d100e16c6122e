// The baseline for the probe row of `npm run bench`: the single ROPG POST a probe's app check
// makes, with nothing around it. Run with NODE_EXTRA_CA_CERTS, as the probe is.
const [authority, tenant, clientId] = process.argv.slice(2);
const response = await fetch(`${authority}/${tenant}/oauth2/v2.0/token`, {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({
    client_id: clientId,
    grant_type: "password",
    username: `bench-probe@${tenant}`,
    password: "not-a-real-password",
    scope: "openid profile email",
  }),
});
await response.text();
// Exit as soon as the answer is read, as the CLI does: otherwise Node may idle on the closing TLS
// socket (~150 ms here) and the baseline would measure that wait instead of the request.
process.exit(0);
