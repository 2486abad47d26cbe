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
        ["sintetis"] = "Boolean: true bila hasil memuat data SINTETIS",
    };

    /// <summary>Only the run's units; the parameter is the run id.</summary>
    public static string Join(int idParameter) =>
        $"JOIN analisis_unit a ON a.kode = w.kode AND a.analisis = ${idParameter} JOIN analisis r ON r.id = a.analisis";

    public const string Columns = "a.nilai, a.eb_global, a.eb_lokal, a.lisa, a.gi_bin, a.kelas, r.sintetis";

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
