using Geo.Api.Hosting;
using Npgsql;

namespace Geo.Api.Endpoints;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        // While the database is down the error handler answers 503 with Retry-After and an
        // Indonesian detail that names no host, port or user.
        app.MapGet("/health", async (NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            await using var cmd = dataSource.CreateCommand("SELECT postgis_lib_version()");
            var postgis = (string?)await cmd.ExecuteScalarAsync(ct);
            return Results.Ok(new Kesehatan("sehat", postgis));
        }).Publik().WithTags("Sistem").WithSummary("Kesehatan server: 200 bila basis data dapat dihubungi, 503 bila tidak").Produces<Kesehatan>();
    }
}
