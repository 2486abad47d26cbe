using System.Security.Cryptography;
using System.Text;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Text;
using Geo.Core.Wilayah;
using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Data.Peta;

namespace Geo.Publication.Peta;

/// <summary>The options of a static map as the API and the CLI take them, as text.</summary>
public sealed record OpsiPetaTeks(
    string? Wilayah, string? Indikator, string? Periode, string? Lapisan = null, string? Klasifikasi = null, int? JumlahKelas = null,
    int? Lebar = null, int? Tinggi = null, AnalysisOptionsText? Analisis = null);

/// <summary>A static map to draw: the area, indicator and period, the layer and its parameters, and the image size.</summary>
/// <param name="Analisis">The analysis parameters (also for the values layer: its tingkat and tampilan are read from it).</param>
public sealed record PermintaanPeta(
    KodeWilayah Wilayah, string Indikator, Periode Periode, Lapisan Lapisan, MetodeKlasifikasi? Klasifikasi, int JumlahKelas,
    int Lebar, int Tinggi, AnalysisRequest Analisis)
{
    public Tingkat Tingkat => Analisis.Tingkat;
    public Tampilan Tampilan => Analisis.Tampilan;

    /// <summary>A digest of everything that decides the image but the data: with the data versions and the date, the ETag.</summary>
    public string Sidik()
    {
        var text = $"{Wilayah}|{Indikator}|{Periode.Value}|{Lapisan}|{Klasifikasi}|{JumlahKelas}|{Lebar}x{Tinggi}|{Analisis.ParameterJson()}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
    }
}

/// <summary>One place that turns the options into a request, so that the API and the CLI accept and refuse the same things.</summary>
public static class PermintaanPetaParser
{
    public const int UkuranBawaanLebar = 1600;
    public const int UkuranBawaanTinggi = 1200;

    public static PermintaanPeta Parse(OpsiPetaTeks o)
    {
        foreach (var (name, text) in new[] { ("indikator", o.Indikator), ("lapisan", o.Lapisan), ("klasifikasi", o.Klasifikasi) })
        {
            if (text?.Length > AnalysisRequestParser.MaxTextLength)
            {
                throw GeoException.Parameter(name, $"{name} terlalu panjang ({text.Length} karakter; paling banyak {AnalysisRequestParser.MaxTextLength})");
            }
        }
        if (string.IsNullOrWhiteSpace(o.Indikator)) throw GeoException.Parameter("indikator", "indikator wajib diisi, mis. PREV_STUNTING");
        var indikator = o.Indikator.Trim().ToUpperInvariant();
        if (!KodeIndikator.IsValid(indikator)) throw GeoException.Parameter("indikator", $"kode indikator '{UserText.Shorten(o.Indikator)}' tidak sah");
        if (!LapisanAnalisis.TryParse(o.Lapisan, out var lapisan))
        {
            throw GeoException.Parameter("lapisan", $"lapisan '{UserText.Shorten(o.Lapisan)}' tidak dikenal: nilai, kelas, lisa, gi atau eb");
        }
        MetodeKlasifikasi? metode = null;
        if (!string.IsNullOrWhiteSpace(o.Klasifikasi))
        {
            if (!Klasifikasi.TryParseMetode(o.Klasifikasi, out var m))
            {
                throw GeoException.Parameter("klasifikasi", $"klasifikasi '{UserText.Shorten(o.Klasifikasi)}' tidak dikenal: who, kuantil, jenks, interval atau target");
            }
            metode = m;
        }
        if (metode == MetodeKlasifikasi.Who && indikator != KodeIndikator.PrevalensiStunting)
        {
            throw GeoException.Parameter("klasifikasi", "klasifikasi who (kelas WHO) hanya untuk prevalensi stunting (PREV_STUNTING)");
        }
        if (o.JumlahKelas is < 3 or > 7) throw GeoException.Parameter("jumlahKelas", "jumlahKelas harus 3 sampai 7");
        var lebar = o.Lebar ?? UkuranBawaanLebar;
        var tinggi = o.Tinggi ?? UkuranBawaanTinggi;
        foreach (var (name, v) in new[] { ("lebar", lebar), ("tinggi", tinggi) })
        {
            if (v is < PetaRenderer.MinimumUkuran or > PetaRenderer.MaksimumUkuran)
            {
                throw GeoException.Parameter(name, $"{name} harus {PetaRenderer.MinimumUkuran} sampai {PetaRenderer.MaksimumUkuran} piksel");
            }
        }
        var analisis = AnalysisRequestParser.Parse((o.Analisis ?? new AnalysisOptionsText(null, null)) with
        {
            Wilayah = o.Wilayah,
            Periode = o.Periode,
            Indikator = indikator,
        });
        return new PermintaanPeta(analisis.Wilayah, indikator, analisis.Periode, lapisan, metode, o.JumlahKelas ?? 5, lebar, tinggi, analisis);
    }
}

/// <summary>
/// Static map images of an area: loads shapes (PostGIS, simplified to the pixel), values or an
/// analysis run (through the same data-layer queries as the API, with the caller), classifies them
/// as the web page does, and draws them. This is the method the report calls for its maps.
/// </summary>
public sealed class PetaGambarService(
    PetaGambarQueries shapes, NilaiQueries nilai, IndikatorCatalog catalog, SituationAnalysisService analysis, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Renders the map the request names, as the caller may see it (published values for anonymous callers; only its area for an area account).</summary>
    public async Task<GambarPeta> RenderAsync(Caller caller, PermintaanPeta request, CancellationToken ct = default) =>
        PetaRenderer.Render(await IsiAsync(caller, request, ct), request.Lebar, request.Tinggi);

    /// <summary>What the map shows, decided and loaded, before drawing.</summary>
    public async Task<IsiPeta> IsiAsync(Caller caller, PermintaanPeta request, CancellationToken ct = default)
    {
        if (!caller.Area.Contains(request.Wilayah)) throw GeoException.Forbidden($"wilayah {request.Wilayah} di luar cakupan akun ini");
        caller.Periksa(request.Tampilan, request.Wilayah);
        if (request.Tingkat <= request.Wilayah.Tingkat)
        {
            throw GeoException.Parameter("tingkat", $"unit peta harus di bawah {request.Wilayah} ({request.Wilayah.Tingkat.ToName()})");
        }
        var frame = PetaRenderer.BingkaiPeta(request.Lebar, request.Tinggi);
        // Shapes on their own connection while the catalogue and the values are read.
        var shapesTask = shapes.LoadAsync(caller, request.Wilayah, request.Tingkat, (int)frame.Width, (int)frame.Height, ct);
        try
        {
            return await IsiAsync(caller, request, shapesTask, ct);
        }
        catch when (!shapesTask.IsCompleted)
        {
            // Refused or failed before the shapes were needed: let their query end before answering.
            try { await shapesTask; } catch (Exception e) when (e is GeoException or Npgsql.NpgsqlException or OperationCanceledException) { }
            throw;
        }
    }

    private async Task<IsiPeta> IsiAsync(Caller caller, PermintaanPeta request, Task<BentukPeta> shapesTask, CancellationToken ct)
    {
        var info = await catalog.FindAsync(request.Indikator, ct) ?? throw GeoException.NotFound($"indikator {request.Indikator} tidak ada");

        Pewarnaan pewarnaan;
        string judul;
        bool sintetis;
        IReadOnlyList<string> sumber;
        if (request.Lapisan == Lapisan.Nilai)
        {
            var (units, syn, src) = await ValuesAsync(caller, request, info, ct);
            if (units.All(u => u.Nilai is null))
            {
                throw GeoException.NotFound($"belum ada nilai terbit {info.Kode} periode {request.Periode.Value} di {request.Wilayah}");
            }
            var metode = request.Klasifikasi ?? Klasifikasi.Bawaan(info.Kode);
            var polaritas = Klasifikasi.ParsePolaritas(info.Polaritas);
            if (metode == MetodeKlasifikasi.Target && (polaritas == Polaritas.Tidak || units.All(u => u.Target is null)))
            {
                throw GeoException.Parameter("klasifikasi", $"{info.Kode} tidak punya target di {request.Wilayah}; pilih klasifikasi lain");
            }
            pewarnaan = Klasifikasi.Klasifikasikan(units, metode, polaritas, info.Persen, request.JumlahKelas);
            judul = info.Nama;
            sintetis = syn;
            sumber = src;
        }
        else
        {
            var sasaran = info;
            if (request.Lapisan == Lapisan.Kelas && info.Kelompok != "prevalensi")
            {
                // Gap classes are about prevalence: a coverage indicator falls back to stunting, as on the web page.
                sasaran = await catalog.FindAsync(KodeIndikator.PrevalensiStunting, ct) ?? info;
            }
            var run = await analysis.RunAsync(caller, request.Analisis with { Indikator = sasaran.Kode }, ct);
            if (request.Lapisan == Lapisan.Eb)
            {
                if (run.Summary.SmoothingUnavailable is { } why) throw GeoException.Parameter("lapisan", $"nilai dihaluskan (EB) tidak tersedia: {why}");
                var metode = request.Klasifikasi is null or MetodeKlasifikasi.Target ? MetodeKlasifikasi.Kuantil : request.Klasifikasi.Value;
                if (metode == MetodeKlasifikasi.Who && sasaran.Kode != KodeIndikator.PrevalensiStunting) metode = MetodeKlasifikasi.Kuantil;
                pewarnaan = Klasifikasi.Klasifikasikan(run.Rows.Select(r => new UnitNilai(r.Kode, r.EbLokal, null)).ToList(),
                    metode, Klasifikasi.ParsePolaritas(sasaran.Polaritas), sasaran.Persen, request.JumlahKelas, "EB lokal (tetangga)");
            }
            else
            {
                pewarnaan = LapisanAnalisis.Pewarnaan(request.Lapisan, run.Rows, CatatanAnalisis(request, run));
            }
            judul = $"{LapisanAnalisis.Nama[request.Lapisan]} · {sasaran.Nama}";
            // Gap classes show coverage too; LISA, Gi* and EB show only the outcome's values.
            var (outcomeSources, outcomeSynthetic) = await OutcomeAsync(caller, request, sasaran.Kode, ct);
            sintetis = request.Lapisan == Lapisan.Kelas ? run.Synthetic : outcomeSynthetic;
            sumber = sintetis && !outcomeSources.Contains("sintetis") ? [.. outcomeSources, "sintetis"] : outcomeSources;
        }

        var bentuk = await shapesTask;
        var tingkatTeks = request.Tingkat == Tingkat.Desa ? "per desa/kelurahan" : "per kecamatan";
        return new IsiPeta(
            judul,
            $"{bentuk.Batas[0].Nama} · {tingkatTeks} · periode {request.Periode.Value}",
            bentuk,
            pewarnaan,
            request.Tingkat == Tingkat.Desa ? "desa" : "kec.",
            sumber.Count == 0 ? "–" : string.Join(", ", sumber),
            request.Periode.Value,
            DateOnly.FromDateTime(_clock.GetLocalNow().DateTime),
            sintetis,
            request.Tampilan == Tampilan.Draf ? TampilanAkses.PeringatanDraf : null);
    }

    private async Task<(List<UnitNilai> Units, bool Sintetis, IReadOnlyList<string> Sumber)> ValuesAsync(Caller caller, PermintaanPeta request,
        IndikatorInfo info, CancellationToken ct)
    {
        if (request.Tingkat == Tingkat.Desa)
        {
            var values = await nilai.ValuesAsync(caller, request.Wilayah, Tingkat.Desa, info.Kode, request.Periode, request.Tampilan, ct);
            return (values.Select(v => new UnitNilai(v.Kode, v.Nilai, v.Target?.Nilai)).ToList(),
                values.Any(v => v.Nilai is not null && v.Sintetis),
                values.Where(v => v.Sumber is not null).Select(v => v.Sumber!).Distinct().Order(StringComparer.Ordinal).ToList());
        }
        var rollUps = await nilai.RollUpAsync(caller, request.Wilayah, [request.Tingkat], info.Kode, request.Periode, request.Tampilan, ct);
        var units = rollUps.Where(r => r.Kode.Length > request.Wilayah.Value.Length).ToList();
        return (units.Select(r => new UnitNilai(r.Kode, r.Agregat.Nilai, r.Target?.Nilai)).ToList(),
            units.Any(r => r.Agregat.Nilai is not null && (r.Sintetis || r.Tercatat?.Sintetis == true)),
            units.SelectMany(r => r.Sumber).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The sources of the outcome's values behind an analysis, and whether any of them is synthetic.</summary>
    private async Task<(IReadOnlyList<string> Sources, bool Synthetic)> OutcomeAsync(Caller caller, PermintaanPeta request, string outcome, CancellationToken ct)
    {
        var values = await nilai.ValuesAsync(caller, request.Wilayah, Tingkat.Desa, outcome, request.Periode, request.Tampilan, ct);
        return (values.Where(v => v.Sumber is not null).Select(v => v.Sumber!).Distinct().Order(StringComparer.Ordinal).ToList(),
            values.Any(v => v.Nilai is not null && v.Sintetis));
    }

    private static string CatatanAnalisis(PermintaanPeta request, StoredAnalysis run)
    {
        var a = request.Analisis;
        var bagian = new List<string> { $"Bobot {a.Bobot}", $"{a.Permutasi} permutasi", $"FDR {(a.Fdr ? "aktif" : "tidak")}" };
        if (request.Lapisan == Lapisan.Kelas) bagian.Add($"ambang {a.Aturan.Threshold.ToString().ToLowerInvariant()} = {Klasifikasi.FormatAngka(run.Summary.Threshold)}%");
        if (run.Summary.Moran is { } m && request.Lapisan != Lapisan.Kelas)
        {
            bagian.Add($"Moran's I global {Klasifikasi.FormatAngka(m.I, 3)} (p {Klasifikasi.FormatAngka(m.P, 3)})");
        }
        if (run.Summary.Islands.Count > 0) bagian.Add($"{run.Summary.Islands.Count} unit tanpa tetangga");
        return string.Join(" · ", bagian);
    }
}
