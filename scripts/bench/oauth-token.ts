/** OAuth 2.0 client credentials (RFC 6749 cl. 4.4) with HTTP Basic, as the test support does. */
export async function clientCredentialsToken(base: string, c: { id: string; secret: string }): Promise<string> {
  const r = await fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${c.id}:${c.secret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const body = await r.text();
  if (r.status !== 200) throw new Error(`POST /oauth2/token answered ${r.status}: ${body.slice(0, 300)}`);
  return (JSON.parse(body) as { access_token: string }).access_token;
}
