using Geo.Api.Hosting;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Text;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Peta;
using Geo.Data.Wilayah;

namespace Geo.Api.Endpoints;

/// <summary>
/// What the map page reads beside values and tiles: one wilayah's series over periods (the
/// panel's trend), the groupings behind puskesmas roll-ups, and label points for names drawn from
/// our own data. All public, published values only, within the caller's area.
/// </summary>
public static class PetaDataEndpoints
{
    public sealed record DeretResponse(string Kode, string Nama, string Tingkat, bool Sintetis, string? Peringatan, IReadOnlyList<DeretIndikator> Deret);

    public static void MapPetaDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/wilayah/{kode}/deret", Deret).Publik().WithTags("Wilayah")
            .WithSummary("Nilai terbit satu wilayah di semua periode, per indikator, dengan target yang berlaku tiap tahun: desa semua indikator (atau indikator=A,B), tingkat lain satu indikator dari agregat desa").Produces<DeretResponse>();

        app.MapGet("/api/kelompok", async (string? induk, string? jenis, PetaPanelQueries queries, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            KodeWilayah? parent = induk is null ? null : Problems.ParseKode(induk);
            var kind = jenis?.Trim().ToLowerInvariant();
            if (kind is { Length: 0 or > 40 }) throw GeoException.Invalid("jenis kelompok harus 1-40 karakter, misalnya puskesmas");
            return Results.Ok(await queries.KelompokAsync(callers.Resolve(http).Area, parent, kind, ct));
        }).Publik().WithTags("Wilayah")
          .WithSummary("Pengelompokan wilayah (wilayah kerja puskesmas, ...) dengan desa anggotanya di bawah induk; kode kelompok sama dengan kode di /api/nilai?tingkat=puskesmas").Produces<IReadOnlyList<KelompokAnggota>>();

        app.MapGet("/api/wilayah/{kode}/titik-label", async (string kode, string? tingkat, PetaPanelQueries queries, WilayahQueries wilayah,
            CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var parsed = Problems.ParseKode(kode);
            Tingkat? only = null;
            if (tingkat is not null)
            {
                if (!TingkatNames.TryParse(tingkat, out var level) || level is not (Tingkat.Kecamatan or Tingkat.Desa))
                    throw GeoException.Parameter("tingkat", "tingkat titik label: kecamatan atau desa (kosong: keduanya)");
                only = level;
            }
            var scope = callers.Resolve(http).Area;
            if (await wilayah.FindAsync(scope, parsed, ct) is null) throw GeoException.NotFound($"wilayah {parsed} tidak ada");
            var points = await queries.TitikLabelAsync(scope, parsed, only, ct);
            return Results.Json(new
            {
                type = "FeatureCollection",
                features = points.Select(p => new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = new[] { Math.Round(p.Lng, 6), Math.Round(p.Lat, 6) } },
                    properties = new { kode = p.Kode, nama = p.Nama, tingkat = p.Tingkat.ToName() },
                }),
            }, contentType: "application/geo+json");
        }).Publik().WithTags("Wilayah")
          .WithSummary("Titik label kecamatan dan desa di bawah wilayah (GeoJSON), untuk menulis nama di peta tanpa peta dasar").Produces<GeoJsonFeatureCollectionDoc>(contentType: "application/geo+json")
          .Parameter("tingkat", new ParameterDoc("Hanya titik label tingkat ini: kecamatan atau desa (kosong: keduanya)", Enum: ["kecamatan", "desa"]));
    }

    private static async Task<IResult> Deret(string kode, string? indikator, PetaPanelQueries queries, NilaiQueries nilai, IndikatorCatalog catalog,
        WilayahQueries wilayahQueries, CallerResolver callers, HttpContext http, CancellationToken ct)
    {
        var parsed = Problems.ParseKode(kode);
        var caller = callers.Resolve(http);
        if (await wilayahQueries.FindAsync(caller.Area, parsed, ct) is not { } wilayah) throw GeoException.NotFound($"wilayah {parsed} tidak ada");
        var codes = indikator?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct().ToList();
        if (codes is { Count: > 40 }) throw GeoException.Invalid("paling banyak 40 indikator sekaligus");
        foreach (var c in codes ?? [])
        {
            if (!KodeIndikator.IsValid(c)) throw GeoException.Invalid($"kode indikator '{UserText.Shorten(c)}' tidak valid");
        }

        IReadOnlyList<DeretIndikator> deret;
        if (parsed.Tingkat == Tingkat.Desa)
        {
            deret = await queries.DeretDesaAsync(caller.Area, parsed, codes, ct);
        }
        else
        {
            // Above desa each period is a roll-up of the desa values: one indicator, one query per period.
            if (codes is not [var only]) throw GeoException.Invalid("di atas desa, deret perlu tepat satu indikator (indikator=KODE)");
            if (await catalog.FindAsync(only, ct) is not { } info) throw GeoException.NotFound($"indikator {only} tidak ada");
            var titik = new List<TitikDeret>();
            foreach (var p in await nilai.PeriodsAsync(caller.Area, parsed, info.Kode, ct))
            {
                var rollUp = (await nilai.RollUpAsync(caller, parsed, [parsed.Tingkat], info.Kode, Periode.Parse(p), Tampilan.Terbit, ct))
                    .FirstOrDefault(r => r.Kode == parsed.Value);
                if (rollUp is null || rollUp.Agregat.Melapor == 0) continue;
                titik.Add(new TitikDeret(p, rollUp.Agregat.Nilai, rollUp.Target?.Nilai, rollUp.Sintetis, rollUp.Sumber.Count > 0 ? string.Join(", ", rollUp.Sumber) : null));
            }
            deret = titik.Count == 0 ? [] : [new DeretIndikator(info.Kode, info.Satuan, info.Polaritas, titik)];
        }
        var sintetis = deret.Any(d => d.Titik.Any(t => t.Sintetis));
        return Results.Ok(new DeretResponse(wilayah.Kode, wilayah.Nama, wilayah.Tingkat.ToName(), sintetis,
            sintetis ? IndikatorEndpoints.PeringatanSintetis : null, deret));
    }
}
