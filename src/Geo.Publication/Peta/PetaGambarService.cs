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
    int? Lebar = null, int? Tinggi = null, AnalysisOptionsText? Analisis = null, int? Jendela = null);

/// <summary>A static map to draw: the area, indicator and period, the layer and its parameters, and the image size.</summary>
/// <param name="Analisis">The analysis parameters (also for the values layer: its tingkat and tampilan are read from it).</param>
/// <param name="Waktu">The analysis over time of the change and emerging hot spot layers (its last period is <paramref name="Periode"/>); null for the others.</param>
public sealed record PermintaanPeta(
    KodeWilayah Wilayah, string Indikator, Periode Periode, Lapisan Lapisan, MetodeKlasifikasi? Klasifikasi, int JumlahKelas,
    int Lebar, int Tinggi, AnalysisRequest Analisis, TemporalRequest? Waktu = null)
{
    public Tingkat Tingkat => Analisis.Tingkat;
    public Tampilan Tampilan => Analisis.Tampilan;

    /// <summary>A digest of everything that decides the image but the data: with the data versions and the date, the ETag.</summary>
    public string Sidik()
    {
        var waktu = Waktu is { } w ? $"|{string.Join(",", w.Periode.Select(p => p.Value))}|j{w.Jendela}" : "";
        var text = $"{Wilayah}|{Indikator}|{Periode.Value}|{Lapisan}|{Klasifikasi}|{JumlahKelas}|{Lebar}x{Tinggi}|{Analisis.ParameterJson()}{waktu}";
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
            throw GeoException.Parameter("lapisan", $"lapisan '{UserText.Shorten(o.Lapisan)}' tidak dikenal: {LapisanAnalisis.DaftarKunci}");
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
        var opsi = (o.Analisis ?? new AnalysisOptionsText(null, null)) with { Wilayah = o.Wilayah, Periode = o.Periode, Indikator = indikator };
        if (LapisanAnalisis.Waktu(lapisan))
        {
            // The change and the emerging hot spots are read over several periods, as /api/analisis/waktu takes them.
            var waktu = TemporalRequestParser.Parse(opsi, o.Jendela);
            return new PermintaanPeta(waktu.Wilayah, indikator, waktu.Dasar.Periode, lapisan, metode, o.JumlahKelas ?? 5, lebar, tinggi, waktu.Dasar, waktu);
        }
        if (o.Jendela is not null) throw GeoException.Parameter("jendela", "jendela hanya untuk lapisan perubahan dan titik_panas_muncul");
        var analisis = AnalysisRequestParser.Parse(opsi);
        return new PermintaanPeta(analisis.Wilayah, indikator, analisis.Periode, lapisan, metode, o.JumlahKelas ?? 5, lebar, tinggi, analisis);
    }
}

/// <summary>
/// What maps of one area read, loaded once and shared by every map drawn from it (the report's
/// six or seven maps): the shapes, catalogue entries, analysis runs, runs over time and values,
/// each memoised by what decides it. Not thread-safe: maps are decided one after the other, then drawn at once.
/// </summary>
public sealed class MuatanPeta
{
    internal Task<BentukPeta>? Bentuk { get; set; }
    internal (KodeWilayah Wilayah, Tingkat Tingkat, int Lebar, int Tinggi)? KunciBentuk { get; set; }
    internal Dictionary<string, Task<IndikatorInfo?>> Indikator { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, Task<StoredAnalysis>> Run { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, Task<TemporalResult>> Waktu { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, Task<IReadOnlyList<NilaiWilayah>>> Nilai { get; } = new(StringComparer.Ordinal);

    /// <summary>A run already at hand (the report's), so that its maps show exactly it and it is not looked up again.</summary>
    public MuatanPeta DenganRun(AnalysisRequest request, StoredAnalysis run)
    {
        Run[KunciRun(request)] = Task.FromResult(run);
        return this;
    }

    /// <summary>An analysis over time already at hand (the report's).</summary>
    public MuatanPeta DenganWaktu(TemporalRequest request, TemporalResult result)
    {
        Waktu[KunciWaktu(request)] = Task.FromResult(result);
        return this;
    }

    internal static string KunciRun(AnalysisRequest r) => $"{r.ParameterHash()}|{r.Wilayah}|{r.Periode.Value}";

    internal static string KunciWaktu(TemporalRequest r) =>
        $"{r.Dasar.ParameterHash()}|{string.Join(",", r.Periode.Select(p => p.Value))}|{r.Jendela}";
}

/// <summary>
/// Static map images of an area: loads shapes (PostGIS, simplified to the pixel), values or an
/// analysis run (through the same data-layer queries as the API, with the caller), classifies them
/// as the web page does, and draws them. The report draws all its maps from one <see cref="MuatanPeta"/>.
/// </summary>
public sealed class PetaGambarService(
    PetaGambarQueries shapes, NilaiQueries nilai, IndikatorCatalog catalog, SituationAnalysisService analysis,
    TemporalAnalysisService temporal, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Renders the map the request names, as the caller may see it (published values for anonymous callers; only its area for an area account).</summary>
    public async Task<GambarPeta> RenderAsync(Caller caller, PermintaanPeta request, CancellationToken ct = default) =>
        PetaRenderer.Render(await IsiAsync(caller, request, ct), request.Lebar, request.Tinggi);

    /// <summary>
    /// Several maps of one area and size from one load: each decided in turn from the shared
    /// <paramref name="muatan"/>, then all drawn at once (drawing is CPU only). A map that cannot be
    /// decided (no values for its layer) is null, with the refusal's detail; an access refusal refuses all.
    /// </summary>
    public async Task<IReadOnlyList<(GambarPeta? Gambar, string? Alasan)>> RenderManyAsync(Caller caller, IReadOnlyList<PermintaanPeta> requests,
        MuatanPeta muatan, CancellationToken ct = default)
    {
        var decided = new List<(IsiPeta? Isi, string? Alasan)>();
        try
        {
            foreach (var request in requests)
            {
                try
                {
                    decided.Add((await IsiAsync(caller, request, muatan, ct), null));
                }
                catch (GeoException e) when (e.Kind is GeoErrorKind.NotFound or GeoErrorKind.Invalid)
                {
                    decided.Add((null, e.Message));
                }
            }
        }
        finally
        {
            await SettleAsync(muatan);
        }
        var drawn = await Task.WhenAll(decided.Select((d, i) => d.Isi is { } isi
            ? Task.Run(() => (GambarPeta?)PetaRenderer.Render(isi, requests[i].Lebar, requests[i].Tinggi), ct)
            : Task.FromResult<GambarPeta?>(null)));
        return drawn.Select((g, i) => (g, decided[i].Alasan)).ToList();
    }

    /// <summary>What the map shows, decided and loaded, before drawing.</summary>
    public async Task<IsiPeta> IsiAsync(Caller caller, PermintaanPeta request, CancellationToken ct = default)
    {
        var muatan = new MuatanPeta();
        try
        {
            return await IsiAsync(caller, request, muatan, ct);
        }
        finally
        {
            await SettleAsync(muatan);
        }
    }

    /// <summary>Refused or failed before the shapes were needed: let their query end before answering.</summary>
    private static async Task SettleAsync(MuatanPeta muatan)
    {
        if (muatan.Bentuk is { IsCompleted: false } pending)
        {
            try { await pending; } catch (Exception e) when (e is GeoException or Npgsql.NpgsqlException or OperationCanceledException) { }
        }
    }

    private async Task<IsiPeta> IsiAsync(Caller caller, PermintaanPeta request, MuatanPeta muatan, CancellationToken ct)
    {
        if (!caller.Area.Contains(request.Wilayah)) throw GeoException.Forbidden($"wilayah {request.Wilayah} di luar cakupan akun ini");
        caller.Periksa(request.Tampilan, request.Wilayah);
        if (request.Tingkat <= request.Wilayah.Tingkat)
        {
            throw GeoException.Parameter("tingkat", $"unit peta harus di bawah {request.Wilayah} ({request.Wilayah.Tingkat.ToName()})");
        }
        var frame = PetaRenderer.BingkaiPeta(request.Lebar, request.Tinggi);
        var kunciBentuk = (request.Wilayah, request.Tingkat, (int)frame.Width, (int)frame.Height);
        if (muatan.Bentuk is null)
        {
            // Shapes on their own connection while the catalogue and the values are read.
            muatan.KunciBentuk = kunciBentuk;
            muatan.Bentuk = shapes.LoadAsync(caller, request.Wilayah, request.Tingkat, (int)frame.Width, (int)frame.Height, ct);
        }
        else if (muatan.KunciBentuk != kunciBentuk)
        {
            throw new ArgumentException("peta dari satu muatan harus satu wilayah, tingkat dan ukuran", nameof(request));
        }

        var info = await FindAsync(muatan, request.Indikator, ct) ?? throw GeoException.NotFound($"indikator {request.Indikator} tidak ada");

        Pewarnaan pewarnaan;
        string judul;
        bool sintetis;
        IReadOnlyList<string> sumber;
        var periodeTeks = request.Periode.Value;
        if (request.Lapisan == Lapisan.Nilai)
        {
            var (units, syn, src) = await ValuesAsync(caller, request, info, muatan, ct);
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
        else if (request.Waktu is { } waktu)
        {
            var result = await TemporalAsync(caller, waktu, muatan, ct);
            pewarnaan = PewarnaanWaktu(request.Lapisan, waktu, result);
            judul = $"{LapisanAnalisis.Nama[request.Lapisan]} · {info.Nama}";
            periodeTeks = $"{waktu.Periode[0].Value}–{waktu.Periode[^1].Value} ({waktu.Periode.Count} periode)";
            var (outcomeSources, _) = await OutcomeAsync(caller, request, info.Kode, muatan, ct);
            sintetis = result.Sintetis;
            sumber = sintetis && !outcomeSources.Contains("sintetis") ? [.. outcomeSources, "sintetis"] : outcomeSources;
        }
        else
        {
            var sasaran = info;
            if (request.Lapisan is Lapisan.Kelas or Lapisan.Peluang && info.Kelompok != "prevalensi")
            {
                // Gap classes are about prevalence: a coverage indicator falls back to stunting, as on the web page.
                sasaran = await FindAsync(muatan, KodeIndikator.PrevalensiStunting, ct) ?? info;
            }
            var run = await RunAsync(caller, request.Analisis with { Indikator = sasaran.Kode }, muatan, ct);
            if (request.Lapisan == Lapisan.Eb)
            {
                if (run.Summary.SmoothingUnavailable is { } why) throw GeoException.Parameter("lapisan", $"nilai dihaluskan (EB) tidak tersedia: {why}");
                var metode = request.Klasifikasi is null or MetodeKlasifikasi.Target ? MetodeKlasifikasi.Kuantil : request.Klasifikasi.Value;
                if (metode == MetodeKlasifikasi.Who && sasaran.Kode != KodeIndikator.PrevalensiStunting) metode = MetodeKlasifikasi.Kuantil;
                pewarnaan = Klasifikasi.Klasifikasikan(run.Rows.Select(r => new UnitNilai(r.Kode, r.EbLokal, null)).ToList(),
                    metode, Klasifikasi.ParsePolaritas(sasaran.Polaritas), sasaran.Persen, request.JumlahKelas, "EB lokal (tetangga)");
            }
            else if (request.Lapisan == Lapisan.Peluang)
            {
                if (run.Rows.All(r => r.PeluangTinggi is null))
                {
                    throw GeoException.Parameter("lapisan", "peluang melewati ambang tidak tersedia: nilai tanpa pembilang dan penyebut");
                }
                pewarnaan = LapisanAnalisis.Kategoris(LapisanAnalisis.KelasPeluang,
                    run.Rows.Select(r => (r.Kode, r.PeluangTinggi is { } p ? LapisanAnalisis.KelasPeluangOf(p).ToString(System.Globalization.CultureInfo.InvariantCulture) : null)),
                    "Tanpa pembilang/penyebut", CatatanPeluang(request, run));
            }
            else
            {
                pewarnaan = LapisanAnalisis.Pewarnaan(request.Lapisan, run.Rows, CatatanAnalisis(request, run));
            }
            judul = $"{LapisanAnalisis.Nama[request.Lapisan]} · {sasaran.Nama}";
            // Gap classes show coverage too; LISA, Gi*, EB and the exceedance show only the outcome's values.
            var (outcomeSources, outcomeSynthetic) = await OutcomeAsync(caller, request, sasaran.Kode, muatan, ct);
            sintetis = request.Lapisan == Lapisan.Kelas ? run.Synthetic : outcomeSynthetic;
            sumber = sintetis && !outcomeSources.Contains("sintetis") ? [.. outcomeSources, "sintetis"] : outcomeSources;
        }

        var bentuk = await muatan.Bentuk;
        var tingkatTeks = request.Tingkat == Tingkat.Desa ? "per desa/kelurahan" : "per kecamatan";
        return new IsiPeta(
            judul,
            $"{bentuk.Batas[0].Nama} · {tingkatTeks} · periode {periodeTeks}",
            bentuk,
            pewarnaan,
            request.Tingkat == Tingkat.Desa ? "desa" : "kec.",
            sumber.Count == 0 ? "–" : string.Join(", ", sumber),
            periodeTeks,
            DateOnly.FromDateTime(_clock.GetLocalNow().DateTime),
            sintetis,
            request.Tampilan == Tampilan.Draf ? TampilanAkses.PeringatanDraf : null);
    }

    private static Pewarnaan PewarnaanWaktu(Lapisan lapisan, TemporalRequest request, TemporalResult result)
    {
        var bagian = new List<string> { $"{result.Periode[0]} ke {result.Periode[^1]}", $"alpha {Klasifikasi.FormatAngka(request.Dasar.Alpha, 3)}" };
        if (lapisan == Lapisan.TitikPanasMuncul)
        {
            bagian.Add($"Bobot {request.Dasar.Bobot}");
            bagian.Add($"{request.Dasar.Permutasi} permutasi");
            bagian.Add($"jendela {request.Jendela} periode");
        }
        if (lapisan == Lapisan.Perubahan)
        {
            bagian.Insert(0, "Uji z dua proporsi, arah menurut polaritas");
            return LapisanAnalisis.Kategoris(LapisanAnalisis.KelasPerubahan, result.Unit.Select(u => (u.Kode, u.Perubahan.Arah)),
                "Tidak dapat diuji", string.Join(" · ", bagian));
        }
        if (result.TitikPanasTidakTersedia is { } why) throw GeoException.NotFound($"titik panas yang muncul tidak tersedia: {why}");
        bagian.Insert(0, "Gi* ruang-waktu dan Mann-Kendall (seperti ArcGIS Pro)");
        return LapisanAnalisis.Kategoris(LapisanAnalisis.KelasPolaTitikPanas, result.Unit.Select(u => (u.Kode, u.TitikPanas?.Pola)),
            "Tanpa deret lengkap", string.Join(" · ", bagian), hanyaAda: true);
    }

    private Task<IndikatorInfo?> FindAsync(MuatanPeta muatan, string kode, CancellationToken ct)
    {
        if (!muatan.Indikator.TryGetValue(kode, out var task)) muatan.Indikator[kode] = task = catalog.FindAsync(kode, ct);
        return task;
    }

    private Task<StoredAnalysis> RunAsync(Caller caller, AnalysisRequest request, MuatanPeta muatan, CancellationToken ct)
    {
        var key = MuatanPeta.KunciRun(request);
        if (!muatan.Run.TryGetValue(key, out var task)) muatan.Run[key] = task = analysis.RunAsync(caller, request, ct);
        return task;
    }

    private Task<TemporalResult> TemporalAsync(Caller caller, TemporalRequest request, MuatanPeta muatan, CancellationToken ct)
    {
        var key = MuatanPeta.KunciWaktu(request);
        if (!muatan.Waktu.TryGetValue(key, out var task)) muatan.Waktu[key] = task = temporal.RunAsync(caller, request, ct);
        return task;
    }

    private Task<IReadOnlyList<NilaiWilayah>> DesaValuesAsync(Caller caller, PermintaanPeta request, string indikator, MuatanPeta muatan, CancellationToken ct)
    {
        var key = $"{request.Wilayah}|{indikator}|{request.Periode.Value}|{request.Tampilan}";
        if (!muatan.Nilai.TryGetValue(key, out var task))
        {
            muatan.Nilai[key] = task = nilai.ValuesAsync(caller, request.Wilayah, Tingkat.Desa, indikator, request.Periode, request.Tampilan, ct);
        }
        return task;
    }

    private async Task<(List<UnitNilai> Units, bool Sintetis, IReadOnlyList<string> Sumber)> ValuesAsync(Caller caller, PermintaanPeta request,
        IndikatorInfo info, MuatanPeta muatan, CancellationToken ct)
    {
        if (request.Tingkat == Tingkat.Desa)
        {
            var values = await DesaValuesAsync(caller, request, info.Kode, muatan, ct);
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
    private async Task<(IReadOnlyList<string> Sources, bool Synthetic)> OutcomeAsync(Caller caller, PermintaanPeta request, string outcome,
        MuatanPeta muatan, CancellationToken ct)
    {
        var values = await DesaValuesAsync(caller, request, outcome, muatan, ct);
        return (values.Where(v => v.Sumber is not null).Select(v => v.Sumber!).Distinct().Order(StringComparer.Ordinal).ToList(),
            values.Any(v => v.Nilai is not null && v.Sintetis));
    }

    private static string CatatanPeluang(PermintaanPeta request, StoredAnalysis run)
    {
        var a = request.Analisis;
        var tidakPasti = run.Rows.Count(r => r.TidakPasti);
        return string.Join(" · ",
            $"P(nilai > ambang {Klasifikasi.FormatAngka(run.Summary.Threshold)}% | data), posterior Empirical Bayes prior {(a.Prior == Geo.Core.Analisis.PosteriorPrior.Local ? "lokal" : "global")}",
            $"ambang {a.Aturan.Threshold.ToString().ToLowerInvariant()}",
            $"dasar tinggi {(a.Aturan.High == Geo.Core.Analisis.HighRule.Exceedance ? "peluang" : "titik")}, batas peluang {Klasifikasi.FormatAngka(a.Aturan.ExceedanceCut, 2)}",
            $"{tidakPasti} {(request.Tingkat == Tingkat.Desa ? "desa" : "kecamatan")} tidak pasti");
    }

    private static string CatatanAnalisis(PermintaanPeta request, StoredAnalysis run)
    {
        var a = request.Analisis;
        var bagian = new List<string> { $"Bobot {a.Bobot}", $"{a.Permutasi} permutasi", $"FDR {(a.Fdr ? "aktif" : "tidak")}" };
        if (request.Lapisan == Lapisan.Kelas) bagian.Add($"ambang {a.Aturan.Threshold.ToString().ToLowerInvariant()} = {Klasifikasi.FormatAngka(run.Summary.Threshold)}%");
        if (request.Lapisan == Lapisan.Kelas && a.Aturan.High == Geo.Core.Analisis.HighRule.Exceedance)
        {
            bagian.Add($"tinggi bila peluang > {Klasifikasi.FormatAngka(a.Aturan.ExceedanceCut, 2)}");
        }
        if (run.Summary.Moran is { } m && request.Lapisan != Lapisan.Kelas)
        {
            bagian.Add($"Moran's I global {Klasifikasi.FormatAngka(m.I, 3)} (p {Klasifikasi.FormatAngka(m.P, 3)})");
        }
        if (run.Summary.Islands.Count > 0) bagian.Add($"{run.Summary.Islands.Count} unit tanpa tetangga");
        return string.Join(" · ", bagian);
    }
}
