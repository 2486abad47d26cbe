using Geo.Api.Hosting;
using Geo.Core.Akun;
using Geo.Core.Wilayah;
using Geo.Data.Akun;

namespace Geo.Api.Endpoints;

/// <summary>The audit log, for the admins of an area only (decided by <see cref="AuditLog"/> from the caller).</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", (string? wilayah, DateTimeOffset? dari, DateTimeOffset? sampai, int? batas,
            AuditLog audit, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            KodeWilayah? area = wilayah is null ? null : Problems.ParseKode(wilayah);
            return audit.ListAsync(callers.Resolve(http), area, dari, sampai, batas ?? 100, ct);
        }).Untuk(Peran.Admin).WithTags("Audit")
          .WithSummary("Log audit (impor, verifikasi, persetujuan, penerbitan, penolakan, penarikan, perubahan indikator dan target) di wilayah akun; hanya admin");
    }
}
