using Geo.Api.Hosting;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Wilayah.Import;

namespace Geo.Api.Endpoints;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/impor").WithTags("Impor").DisableAntiforgery();

        group.MapPost("/wilayah", async (IFormFile berkas, string? tingkat, string? kolomKode, string? kolomNama, string? lapisan,
            BoundaryImporter importer, CancellationToken ct) =>
        {
            Tingkat? level = null;
            if (tingkat is not null)
            {
                if (!TingkatNames.TryParse(tingkat, out var parsed)) throw GeoException.Invalid($"tingkat '{tingkat}' tidak dikenal (provinsi, kabkota, kecamatan, desa)");
                level = parsed;
            }

            // Readers pick the format from the file name and need a seekable file (zip, GeoPackage).
            var directory = Directory.CreateTempSubdirectory("geo-impor-");
            try
            {
                var path = Path.Combine(directory.FullName, Path.GetFileName(berkas.FileName));
                await using (var target = File.Create(path)) await berkas.CopyToAsync(target, ct);
                var report = await importer.ImportAsync(path, new BoundaryImportOptions(level, kolomKode, kolomNama, lapisan), berkas.FileName, ct: ct);
                return report.Succeeded ? Results.Ok(report) : Results.UnprocessableEntity(report);
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }).AcceptsImportUploads(app)
          .WithSummary("Impor batas wilayah dari berkas (GeoJSON, GeoJSONL, Shapefile .zip, GeoPackage)")
          .Produces<BoundaryImportReport>()
          .Produces<BoundaryImportReport>(StatusCodes.Status422UnprocessableEntity);
    }
}
