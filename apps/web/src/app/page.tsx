import { listSites } from "@patronus/core/sites";
import { requirePageUser } from "~/server/auth";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";

export default async function SitesPage() {
  await requirePageUser("/");
  const sites = listSites(getDb());
  return (
    <>
      <h1>Sites</h1>
      {sites.length === 0 ? (
        <p className="muted">No sites yet.</p>
      ) : (
        <table aria-label="Sites">
          <thead>
            <tr>
              <th>Name</th>
              <th>Location</th>
              <th>Status</th>
              <th>Endpoints</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.id}>
                <td>{site.name}</td>
                <td>{site.location}</td>
                <td>
                  <span className={`status status-${site.status}`}>{site.status}</span>
                </td>
                <td>{site.endpoint_count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
