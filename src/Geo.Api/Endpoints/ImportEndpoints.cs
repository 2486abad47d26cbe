using Geo.Api.Hosting;
using Geo.Api.Pekerjaan;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Geo.Data.Pekerjaan;
using Geo.Data.Wilayah.Import;

namespace Geo.Api.Endpoints;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/impor").WithTags("Impor").DisableAntiforgery();

        group.MapPost("/wilayah", async (IFormFile berkas, string? tingkat, string? kolomKode, string? kolomNama, string? lapisan, bool? latar,
            BoundaryImporter importer, PekerjaanStore jobs, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            Tingkat? level = null;
            if (tingkat is not null)
            {
                if (!TingkatNames.TryParse(tingkat, out var parsed)) throw GeoException.Invalid($"tingkat '{tingkat}' tidak dikenal (provinsi, kabkota, kecamatan, desa)");
                level = parsed;
            }

            // The client's name is shown, never used as a path: the upload is stored under a fixed
            // name with only the extension that picks the reader.
            var (displayName, extension) = BoundaryReaders.CheckUploadName(berkas.FileName);
            var caller = callers.Resolve(http);
            var options = new BoundaryImportOptions(level, kolomKode, kolomNama, lapisan, caller);
            if (LatarBelakang.Diminta(http, latar, caller))
            {
                // Refused now what would be refused at once; the file is read by the job.
                options.EnsureAllowed();
                await using var upload = berkas.OpenReadStream();
                var job = await jobs.CreateAsync(caller, JenisPekerjaan.ImporWilayah,
                    new ImporWilayahParameter(displayName, extension, berkas.Length, level?.ToName(), kolomKode, kolomNama, lapisan),
                    wilayah: null, upload, $"antri: {displayName} ({berkas.Length} bita) tersimpan, menunggu instans", ct);
                return LatarBelakang.Diterima(http, job);
            }
            using var directory = new TemporaryDirectory();
            var path = Path.Combine(directory.Path, "berkas" + extension);
            await using (var target = File.Create(path)) await berkas.CopyToAsync(target, ct);
            var report = await importer.ImportAsync(path, options, displayName, ct: ct);
            return report.Succeeded ? Results.Ok(report) : Results.UnprocessableEntity(report);
        }).AcceptsImportUploads(app)
          .Untuk(Peran.Operator)
          .WithSummary("Impor batas wilayah dari berkas (GeoJSON, GeoJSONL, Shapefile .zip, GeoPackage); dengan Prefer: respond-async atau latar=true " +
              "sebagai pekerjaan latar: 202 dan Location /api/pekerjaan/{id}")
          .Produces<BoundaryImportReport>()
          .Produces<PekerjaanInfo>(StatusCodes.Status202Accepted)
          .Produces<BoundaryImportReport>(StatusCodes.Status422UnprocessableEntity);
    }
}

/// <summary>
/// A directory of its own for one upload, deleted however the request ends. Deleting is best
/// effort: a failure to clean up must not replace the answer the client is owed.
/// </summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("geo-impor-");

    public string Path => _directory.FullName;

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning; the import's answer stands.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
