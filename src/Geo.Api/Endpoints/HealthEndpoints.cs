using Npgsql;

namespace Geo.Api.Endpoints;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (NpgsqlDataSource dataSource, CancellationToken ct) =>
        {
            try
            {
                await using var cmd = dataSource.CreateCommand("SELECT postgis_lib_version()");
                var postgis = (string?)await cmd.ExecuteScalarAsync(ct);
                return Results.Ok(new { status = "sehat", postgis });
            }
            catch (NpgsqlException e)
            {
                return Results.Problem(title: "Basis data tidak dapat dihubungi", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithTags("Sistem");
    }
}
