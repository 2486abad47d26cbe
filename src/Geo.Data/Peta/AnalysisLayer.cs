using Geo.Core.Akun;
using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Peta;

/// <summary>
/// The units of one stored analysis run as a map layer: gap class, LISA cluster, Gi* bin and
/// smoothed rates. A run id never changes meaning (a new run gets a new id), so the front end asks
/// <c>/api/analisis</c> for the run and then draws its tiles.
/// </summary>
public sealed record AnalysisLayer(long Id, string Wilayah, PetaLayer Layer, string Indikator, string Periode, bool Sintetis, double[] Bounds, Tampilan Tampilan)
{
    public const string MvtName = "analisis";

    public static IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["nilai"] = "Number: nilai indikator hasil (mis. prevalensi, persen)",
        ["eb_global"] = "Number: nilai dihaluskan Empirical Bayes global (bila ada pembilang/penyebut)",
        ["eb_lokal"] = "Number: nilai dihaluskan Empirical Bayes lokal",
        ["lisa"] = "String: klaster LISA: HH, LL, HL, LH, tidak_signifikan, tanpa_tetangga, tanpa_data",
        ["gi_bin"] = "Number: Gi* -3..3 (titik dingin/panas 99/95/90%)",
        ["kelas"] = "String: kelas kesenjangan (tinggi_cakupan_rendah, tinggi_cakupan_baik, rendah_cakupan_rendah, rendah_cakupan_baik, data_kurang)",
        ["peluang_tinggi"] = "Number: peluang posterior (EB) laju di sisi buruk ambang, 0..1 (bila ada pembilang/penyebut)",
        ["ki_bawah"] = "Number: batas bawah interval kredibel 95% laju",
        ["ki_atas"] = "Number: batas atas interval kredibel 95% laju",
        ["tidak_pasti"] = "Boolean: true bila kelas tinggi/rendah bisa berbalik karena ketidakpastian data",
        ["bv_lisa"] = "String: klaster Moran lokal bivariat (prevalensi terhadap lag cakupan): HH, LL, HL, LH, tidak_signifikan, ... (bila bivariat diminta)",
        ["perubahan_arah"] = "String: analisis waktu: membaik, memburuk, tetap (uji dua proporsi, menurut polaritas)",
        ["perubahan_selisih"] = "Number: analisis waktu: selisih periode terakhir dikurangi pertama",
        ["perubahan_p"] = "Number: analisis waktu: nilai p uji dua proporsi",
        ["tren_arah"] = "String: analisis waktu: arah tren Mann-Kendall (membaik, memburuk, tetap)",
        ["tren_tau"] = "Number: analisis waktu: tau Mann-Kendall",
        ["tren_p"] = "Number: analisis waktu: nilai p Mann-Kendall",
        ["tren_sen"] = "Number: analisis waktu: kemiringan Sen per tahun",
        ["pola_titik_panas"] = "String: analisis waktu: pola titik panas yang muncul (titik_panas_baru, ..., titik_dingin_historis, tanpa_pola)",
        ["sintetis"] = "Boolean: true bila hasil memuat data SINTETIS",
    };

    /// <summary>Only the run's units; the parameter is the run id.</summary>
    public static string Join(int idParameter) =>
        $"JOIN analisis_unit a ON a.kode = w.kode AND a.analisis = ${idParameter} JOIN analisis r ON r.id = a.analisis";

    public const string Columns = "a.nilai, a.eb_global, a.eb_lokal, a.lisa, a.gi_bin, a.kelas, "
        + "a.peluang_tinggi, a.ki_bawah, a.ki_atas, a.tidak_pasti, a.bv_lisa, "
        + "a.perubahan_arah, a.perubahan_selisih, a.perubahan_p, a.tren_arah, a.tren_tau, a.tren_p, a.tren_sen, a.pola_titik_panas, r.sintetis";

    public static async Task<AnalysisLayer?> FindAsync(NpgsqlDataSource dataSource, long id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT a.wilayah, a.tingkat, a.indikator, a.periode, a.sintetis,
                   ST_XMin(w.geom), ST_YMin(w.geom), ST_XMax(w.geom), ST_YMax(w.geom), a.tampilan
            FROM analisis a JOIN wilayah w ON w.kode = a.wilayah WHERE a.id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var tingkat = (Tingkat)reader.GetInt16(1);
        var layer = PetaLayer.All.Single(l => l.Tingkat == tingkat);
        return new AnalysisLayer(id, reader.GetString(0), layer, reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
            [reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8)], TampilanAkses.Parse(reader.GetString(9)));
    }
}
