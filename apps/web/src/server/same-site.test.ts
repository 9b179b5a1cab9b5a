import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./same-site";

const request = (headers: Record<string, string>) =>
  new Request("http://dash.example.com/api/stats/export", { headers: { host: "dash.example.com", ...headers } });

describe("the same-site check of cookie-authenticated GET routes", () => {
  it("refuses a request a browser marks cross-site, with 403 and why", async () => {
    const refusal = crossSiteRefusal(request({ "sec-fetch-site": "cross-site", cookie: "session=1" }));
    expect(refusal?.status).toBe(403);
    expect(await refusal?.json()).toEqual({
      error: "cross-site request refused: open the dashboard itself, or send an API token",
    });
  });

  it("refuses a request from a sibling site (another subdomain) too", () => {
    expect(crossSiteRefusal(request({ "sec-fetch-site": "same-site" }))?.status).toBe(403);
  });

  it("lets the dashboard's own requests and a typed-in address through", () => {
    expect(crossSiteRefusal(request({ "sec-fetch-site": "same-origin" }))).toBeUndefined();
    expect(crossSiteRefusal(request({ "sec-fetch-site": "none" }))).toBeUndefined();
  });

  it("judges by Origin when a browser sends no fetch metadata", () => {
    expect(crossSiteRefusal(request({ origin: "https://evil.example" }))?.status).toBe(403);
    expect(crossSiteRefusal(request({ origin: "http://dash.example.com" }))).toBeUndefined();
  });

  it("lets a script (no browser headers) and an API token through", () => {
    expect(crossSiteRefusal(request({}))).toBeUndefined();
    expect(
      crossSiteRefusal(request({ "sec-fetch-site": "cross-site", authorization: "Bearer ptk_x" })),
    ).toBeUndefined();
  });
});
