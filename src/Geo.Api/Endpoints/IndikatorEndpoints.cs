using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Geo.Api.Hosting;
using Geo.Api.Peta;
using Geo.Core.Akun;
using Geo.Core.Analisis;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Wilayah;
using Geo.Data.Indikator;
using Geo.Data.Peta;
using Geo.Data.Wilayah;
using Microsoft.Net.Http.Headers;

namespace Geo.Api.Endpoints;

/// <summary>The catalogue, targets, and values per wilayah with roll-ups. Synthetic values are always flagged.</summary>
public static class IndikatorEndpoints
{
    public const string PeringatanSintetis = "Data SINTETIS (bangkitan komputer untuk demo), bukan data nyata.";

    public sealed record NewTarget(string Wilayah, int Tahun, double Nilai, string? Sumber);

    public sealed record IndikatorSummary(string Kode, string Nama, string Satuan, string? Polaritas, double? TargetNasional);

    public sealed record NilaiItem(
        string Kode, string Nama, double? Pembilang, double? Penyebut, double? Nilai, bool HanyaPersen, string? Sumber, bool Sintetis,
        long? Batch, string? Status, ApplicableTarget? Target);

    public sealed record RollUpItem(
        string Kode, string Nama, double? Nilai, double? Pembilang, double? Penyebut, string Metode, int JumlahDesa, int DesaMelapor,
        int DesaHanyaPersen, IReadOnlyList<string> Sumber, bool Sintetis, NilaiItem? Tercatat, ApplicableTarget? Target);

    public sealed record NilaiResponse<T>(
        IndikatorSummary Indikator, string Periode, string Tingkat, string? Induk, string Tampilan, bool Sintetis,
        IReadOnlyList<string> Sumber, string? Peringatan, IReadOnlyList<T> Nilai);

    /// <summary>One indicator of one wilayah, judged against its target with the indicator's polarity (null: no value or no target).</summary>
    public sealed record UnitNilaiItem(
        string Indikator, string Nama, string Kelompok, string Satuan, string? Polaritas, double? Nilai, double? Pembilang, double? Penyebut,
        bool HanyaPersen, IReadOnlyList<string> Sumber, bool Sintetis, ApplicableTarget? Target, bool? MemenuhiTarget, string? Metode);

    public sealed record UnitNilaiResponse(
        string Kode, string Nama, string Tingkat, string Periode, bool Sintetis, string? Peringatan, IReadOnlyList<UnitNilaiItem> Nilai);

    public static void MapIndikatorEndpoints(this IEndpointRouteBuilder app)
    {
        var katalog = app.MapGroup("/api/indikator").WithTags("Indikator");
        katalog.MapGet("", (IndikatorCatalog catalog, CancellationToken ct) => catalog.ListAsync(ct)).Publik()
            .WithSummary("Katalog indikator: prevalensi, layanan esensial L01-L29, sasaran S, layanan K, data dukung D, dan buatan pengguna");

        katalog.MapGet("/{kode}/periode", async (string kode, string? wilayah, IndikatorCatalog catalog, NilaiQueries queries,
            CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            if (await catalog.FindAsync(kode, ct) is not { } info) throw GeoException.NotFound($"indikator {kode} tidak ada");
            KodeWilayah? area = wilayah is null ? null : Problems.ParseKode(wilayah);
            return Results.Ok(await queries.PeriodsAsync(callers.Resolve(http).Area, area, info.Kode, ct));
        }).Publik()
          .WithSummary("Periode yang punya nilai terbit untuk indikator ini di wilayah (dan wilayah di bawahnya), dari yang terlama").Produces<IReadOnlyList<string>>().Parameter("kode", ApiDocumentation.Parameters["indikator"]);

        app.MapGet("/api/wilayah/{kode}/nilai", UnitValues).Publik().WithTags("Wilayah")
            .WithSummary("Semua indikator satu wilayah pada satu periode terhadap targetnya (nilai terbit): desa dari nilai tersimpan, tingkat lain dari agregat desa").Produces<UnitNilaiResponse>();

        katalog.MapPost("", async (NewIndikator baru, IndikatorCatalog catalog, CallerResolver callers, HttpContext http, CancellationToken ct) =>
        {
            var created = await catalog.AddAsync(callers.Resolve(http), baru, ct);
            return Results.Created($"/api/indikator/{created.Kode}", created);
        }).Untuk(Peran.Operator, Peran.Admin).WithSummary("Tambah indikator buatan pengguna (akun nasional)").Produces<IndikatorInfo>(StatusCodes.Status201Created).Problems(StatusCodes.Status409Conflict);

        katalog.MapPut("/{kode}/target", async (string kode, NewTarget target, IndikatorCatalog catalog, CallerResolver callers, HttpContext http,
            CancellationToken ct) =>
        {
            await catalog.SetTargetAsync(callers.Resolve(http), kode, target.Wilayah, target.Tahun, target.Nilai, target.Sumber, ct);
            return Results.Ok(await catalog.TargetAsync(kode, Problems.ParseKode(target.Wilayah).Value, target.Tahun, ct));
        }).Untuk(Peran.Operator, Peran.Approver).WithSummary("Tetapkan target indikator untuk satu wilayah (tingkat apa pun, di wilayah akun) dan tahun").Produces<ApplicableTarget>().Parameter("kode", ApiDocumentation.Parameters["indikator"]);

        app.MapGet("/api/nilai", async (string? induk, string? tingkat, string indikator, string periode, string? tampilan,
            IndikatorCatalog catalog, NilaiQueries queries, CallerResolver callers, DataVersiTracker versions, HttpContext http, CancellationToken ct) =>
        {
            // The map page's largest request (8,563 desa for a province): "app" is the handler until
            // the response starts (the queries), what a browser waits beyond it is the JSON and the wire.
            var started = Stopwatch.GetTimestamp();
            http.Response.OnStarting(() =>
            {
                PetaHttp.SetServerTiming(http.Response, started);
                return Task.CompletedTask;
            });
            KodeWilayah? parent = null;
            if (induk is not null)
            {
                var parsed = Problems.ParseKode(induk);
                parent = parsed;
            }
            if (!Periode.TryParse(periode, out var per, out var periodeError)) throw GeoException.Invalid(periodeError);
            var caller = callers.Resolve(http);
            var view = TampilanAkses.Parse(tampilan);
            // Refused before revalidation too: a caller who may not read the view never gets a 304 for it.
            caller.Periksa(view, parent ?? caller.Area.Root);
            // Versions read before the values: the tag is never newer than what it is sent with.
            var etag = NilaiETag(versions.Current, http.Request.QueryString, caller.Area);
            var shared = caller.Area.Root is null && view == Tampilan.Terbit;
            if (PetaHttp.Matches(http.Request, etag))
            {
                SetNilaiCaching(http.Response, etag, shared);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            if (await catalog.FindAsync(indikator, ct) is not { } info) throw GeoException.NotFound($"indikator {indikator} tidak ada");
            var ringkas = new IndikatorSummary(info.Kode, info.Nama, info.Satuan, info.Polaritas, info.TargetNasional);

            IResult result;
            if (!TingkatNames.TryParse(tingkat ?? "desa", out var level))
            {
                // Any other tingkat names a kind of grouping: puskesmas, ...
                var groups = await queries.RollUpGroupsAsync(caller, parent, tingkat!.Trim().ToLowerInvariant(), info.Kode, per, view, ct);
                result = Results.Ok(Response(ringkas, per, tingkat, parent, view, groups.Select(ToItem).ToList(), Provenance));
            }
            else if (level == Tingkat.Desa)
            {
                var values = await queries.ValuesAsync(caller, parent, level, info.Kode, per, view, ct);
                result = Results.Ok(Response(ringkas, per, level.ToName(), parent, view, values.Select(ToItem).ToList(),
                    v => (v.Sintetis, v.Sumber is null ? [] : [v.Sumber])));
            }
            else
            {
                var rollUps = await queries.RollUpAsync(caller, parent, [level], info.Kode, per, view, ct);
                result = Results.Ok(Response(ringkas, per, level.ToName(), parent, view, rollUps.Select(ToItem).ToList(), Provenance));
            }
            SetNilaiCaching(http.Response, etag, shared);
            return result;
        }).Publik().WithTags("Indikator")
          .WithSummary("Nilai indikator per wilayah (nilai terbit; tampilan=draf: data kerja dengan draf, hanya akun berperan di wilayahnya): tingkat=desa memberi nilai tersimpan; kecamatan/kabkota/provinsi/puskesmas memberi agregat Σpembilang/Σpenyebut; " +
              "dengan ETag: If-None-Match memberi 304 selama data, target, katalog dan batas wilayah tidak berubah").Produces<NilaiResponse<NilaiItem>>();
    }

    private static async Task<IResult> UnitValues(string kode, string periode, IndikatorCatalog catalog, NilaiQueries queries,
        WilayahQueries wilayahQueries, CallerResolver callers, HttpContext http, CancellationToken ct)
    {
        var parsed = Problems.ParseKode(kode);
        if (!Periode.TryParse(periode, out var per, out var periodeError)) throw GeoException.Invalid(periodeError);
        var caller = callers.Resolve(http);
        if (await wilayahQueries.FindAsync(caller.Area, parsed, ct) is not { } wilayah) throw GeoException.NotFound($"wilayah {parsed} tidak ada");

        var items = new List<UnitNilaiItem>();
        if (parsed.Tingkat == Tingkat.Desa)
        {
            foreach (var v in await queries.UnitValuesAsync(caller.Area, parsed, per, ct))
            {
                items.Add(new UnitNilaiItem(v.Indikator, v.Nama, v.Kelompok, v.Satuan, v.Polaritas, v.Nilai, v.Pembilang, v.Penyebut,
                    v.HanyaPersen, v.Sumber is null ? [] : [v.Sumber], v.Sintetis, v.Target, Meets(v.Polaritas, v.Nilai, v.Target), null));
            }
        }
        else
        {
            // Above desa the values are roll-ups, one query per indicator that a panel shows (prevalence and services).
            // Fine for a kab/kota; a single-query form belongs to the speed work of issue 12.
            foreach (var info in (await catalog.ListAsync(ct)).Where(i => i.Kelompok is "prevalensi" or "layanan"))
            {
                var rollUp = (await queries.RollUpAsync(caller, parsed, [parsed.Tingkat], info.Kode, per, Tampilan.Terbit, ct))
                    .FirstOrDefault(r => r.Kode == parsed.Value);
                if (rollUp is null || rollUp.Agregat.Melapor == 0) continue;
                items.Add(new UnitNilaiItem(info.Kode, info.Nama, info.Kelompok, info.Satuan, info.Polaritas, rollUp.Agregat.Nilai,
                    rollUp.Agregat.Pembilang, rollUp.Agregat.Penyebut, rollUp.HanyaPersen > 0, rollUp.Sumber, rollUp.Sintetis, rollUp.Target,
                    Meets(info.Polaritas, rollUp.Agregat.Nilai, rollUp.Target), MethodName(rollUp.Agregat.Metode)));
            }
        }
        var sintetis = items.Any(i => i.Sintetis);
        return Results.Ok(new UnitNilaiResponse(wilayah.Kode, wilayah.Nama, wilayah.Tingkat.ToName(), per.Value, sintetis,
            sintetis ? PeringatanSintetis : null, items));
    }

    /// <summary>
    /// The ETag of a /api/nilai answer: the versions it is read from (names and units: wilayah;
    /// values and batch states, which also carry groupings: nilai; targets and the catalogue:
    /// katalog), the request (its query string: indicator, period, level, parent, view) and the
    /// caller's area (an area account sees its part only). Whether a caller may read the draft view
    /// changes no answer: one who may not is refused. Weak, as the body may leave compressed.
    /// </summary>
    private static string NilaiETag(DataVersi v, QueryString query, WilayahScope area)
    {
        var request = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query.Value ?? "")))[..16];
        return $"W/\"nilai.{request}.{area.RootCode ?? "nasional"}.w{v.Wilayah}n{v.Nilai}k{v.Katalog}\"";
    }

    /// <summary>
    /// Revalidated on every use (data may change at any publication); shared caches may keep what
    /// every caller sees alike (the public view of the whole country), the rest is the account's own.
    /// </summary>
    private static void SetNilaiCaching(HttpResponse response, string etag, bool shared)
    {
        PetaHttp.SetCaching(response, etag, maxAgeSeconds: 0, shared);
        if (!shared) response.Headers.Append(HeaderNames.Vary, new[] { HeaderNames.Cookie, HeaderNames.Authorization });
    }

    private static bool? Meets(string? polaritas, double? nilai, ApplicableTarget? target) =>
        nilai is { } v && target is not null && polaritas is "naik" or "turun"
            ? new CoverageIndicator("", "", polaritas == "naik", target.Nilai).MeetsTarget(v)
            : null;

    private static NilaiResponse<T> Response<T>(IndikatorSummary indikator, Periode periode, string tingkat, KodeWilayah? induk, Tampilan tampilan,
        IReadOnlyList<T> items, Func<T, (bool Sintetis, IReadOnlyList<string> Sumber)> provenance)
    {
        var sintetis = items.Any(i => provenance(i).Sintetis);
        var sumber = items.SelectMany(i => provenance(i).Sumber).Distinct().Order().ToList();
        var peringatan = new[] { tampilan == Tampilan.Draf ? TampilanAkses.PeringatanDraf : null, sintetis ? PeringatanSintetis : null }.OfType<string>();
        return new NilaiResponse<T>(indikator, periode.Value, tingkat, induk?.Value, tampilan.ToName(), sintetis, sumber,
            peringatan.Any() ? string.Join(" ", peringatan) : null, items);
    }

    private static (bool, IReadOnlyList<string>) Provenance(RollUpItem g) =>
        (g.Sintetis || g.Tercatat?.Sintetis == true, g.Tercatat?.Sumber is { } own ? [.. g.Sumber, own] : g.Sumber);

    private static NilaiItem ToItem(NilaiWilayah v) =>
        new(v.Kode, v.Nama, v.Pembilang, v.Penyebut, v.Nilai, v.HanyaPersen, v.Sumber, v.Sintetis, v.Batch, v.Status, v.Target);

    private static RollUpItem ToItem(WilayahRollUp a) =>
        new(a.Kode, a.Nama, a.Agregat.Nilai, a.Agregat.Pembilang, a.Agregat.Penyebut, MethodName(a.Agregat.Metode), a.Agregat.JumlahDesa,
            a.Agregat.Melapor, a.HanyaPersen, a.Sumber, a.Sintetis, a.Tercatat is null ? null : ToItem(a.Tercatat), a.Target);

    private static string MethodName(RollUpMethod metode) => metode switch
    {
        RollUpMethod.Ratio => "rasio",
        RollUpMethod.Sum => "jumlah",
        RollUpMethod.Weighted => "tertimbang",
        _ => "tidak_tersedia",
    };
}
