using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Indikator;
using Geo.Core.Text;
using Geo.Core.Wilayah;

namespace Geo.Data.Analisis;

/// <summary>
/// An analysis over time: the change from the first to the last period listed, the trend across all
/// of them, and emerging hot spots. The shared options (wilayah, indikator, tingkat, bobot,
/// permutasi, seed, alpha, fdr, tampilan) mean what they mean in <see cref="AnalysisRequest"/>.
/// </summary>
public sealed record TemporalRequest
{
    public required AnalysisRequest Dasar { get; init; }

    /// <summary>The periods in time order, at least 2, each once.</summary>
    public required IReadOnlyList<Periode> Periode { get; init; }

    /// <summary>Earlier periods in a space-time neighbourhood (ArcGIS's neighbourhood time step).</summary>
    public int Jendela { get; init; } = 1;

    public KodeWilayah Wilayah => Dasar.Wilayah;

    /// <summary>The periods as a stored run names them (its <c>periode</c>): "2023-08,2024-08".</summary>
    public string PeriodeList => string.Join(',', Periode.Select(p => p.Value));

    /// <summary>The temporal parameters together with the base run's (the last period's ordinary analysis, whose units it carries).</summary>
    public string ParameterHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        "waktu:" + JsonSerializer.Serialize(Parameters()) + ":" + Dasar.ParameterHash())));

    public object Parameters() => new
    {
        indikator = Dasar.Indikator,
        tingkat = Dasar.Tingkat.ToName(),
        periode = Periode.Select(p => p.Value).ToArray(),
        bobot = Dasar.Bobot.ToString(),
        toleransiSnapMeter = Dasar.Bobot.SnapMetres,
        permutasi = Dasar.Permutasi,
        seed = Dasar.Seed,
        alpha = Dasar.Alpha,
        fdr = Dasar.Fdr,
        jendela = Jendela,
        tampilan = Dasar.Tampilan.ToName(),
    };
}

/// <summary>The options of <see cref="TemporalRequest"/> as text; everything but periode and jendela is parsed as <see cref="AnalysisRequestParser"/> does.</summary>
public static class TemporalRequestParser
{
    /// <summary>e-PPGBM weighs twice a year: 40 periods are twenty years.</summary>
    public const int MaxPeriode = 40;

    public const int MaxJendela = 10;

    public static TemporalRequest Parse(AnalysisOptionsText options, int? jendela = null)
    {
        var text = options.Periode ?? "";
        if (text.Length > MaxPeriode * 9) throw GeoException.Parameter("periode", $"periode terlalu panjang ({text.Length} karakter)");
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            throw GeoException.Parameter("periode", "analisis waktu memerlukan paling sedikit 2 periode dipisah koma, mis. 2023-08,2024-08");
        }
        if (parts.Length > MaxPeriode) throw GeoException.Parameter("periode", $"paling banyak {MaxPeriode} periode");
        var periods = new List<Periode>();
        foreach (var part in parts)
        {
            if (!Periode.TryParse(part, out var periode, out var error)) throw GeoException.Parameter("periode", error);
            periods.Add(periode);
        }
        for (var i = 1; i < periods.Count; i++)
        {
            if (!(periods[i].TahunDesimal > periods[i - 1].TahunDesimal))
            {
                throw GeoException.Parameter("periode", $"periode harus urut waktu dan tidak berulang: '{UserText.Shorten(parts[i])}' tidak sesudah '{UserText.Shorten(parts[i - 1])}'");
            }
        }
        if (jendela is < 0 or > MaxJendela) throw GeoException.Parameter("jendela", $"jendela waktu harus 0 sampai {MaxJendela} periode");

        var dasar = AnalysisRequestParser.Parse(options with { Periode = periods[^1].Value });
        return new TemporalRequest { Dasar = dasar, Periode = periods, Jendela = jendela ?? 1 };
    }
}
