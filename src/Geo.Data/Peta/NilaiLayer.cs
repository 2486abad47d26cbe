using Geo.Core.Indikator;
using Npgsql;

namespace Geo.Data.Peta;

/// <summary>An indicator and period whose published values a map layer carries.</summary>
public sealed record NilaiLayer(string Indikator, Periode Periode)
{
    /// <summary>Attributes added to each feature; absent where a unit has no published value.</summary>
    public static IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["nilai"] = "Number: nilai (persen atau jumlah, menurut satuan indikator)",
        ["pembilang"] = "Number: pembilang (tidak ada bila sumber hanya memuat persen)",
        ["penyebut"] = "Number: penyebut",
        ["sumber"] = "String: sumber data (e-PPGBM, SSGI, sintetis, ...)",
        ["sintetis"] = "Boolean: true bila data SINTETIS (bangkitan, bukan data nyata)",
    };

    /// <summary>
    /// The join that adds them, on the published values only (view nilai_terbit): maps and
    /// embeds never show a draft batch. Parameters: indicator code, then period.
    /// </summary>
    public static string Join(int indikatorParameter) =>
        $"LEFT JOIN nilai_terbit n ON n.wilayah = w.kode AND n.indikator = ${indikatorParameter} AND n.periode = ${indikatorParameter + 1}";

    public const string Columns = "n.nilai, n.pembilang, n.penyebut, n.sumber, n.sintetis";

    public static async Task<bool> IndikatorExistsAsync(NpgsqlDataSource dataSource, string kode, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM indikator WHERE kode = $1)");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kode });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
