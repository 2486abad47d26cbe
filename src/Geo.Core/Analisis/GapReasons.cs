using System.Text;
using Geo.Core.Text;

namespace Geo.Core.Analisis;

internal static class GapReasons
{
    public static string Describe(GapResult r, double threshold)
    {
        var text = new StringBuilder();
        if (r.Outcome is not { } outcome)
        {
            text.Append("prevalensi tidak tersedia");
        }
        else
        {
            text.Append(r.OutcomeHigh == true ? "prevalensi relatif tinggi (" : "prevalensi tidak relatif tinggi (")
                .Append(Format(outcome)).Append(Comparison(r, outcome, threshold)).Append(Format(threshold)).Append(')');
            if (r.HighProbability is { } p)
            {
                text.Append("; peluang melewati ambang ").Append(Format(Math.Round(p, 3)));
                if (r.Uncertain) text.Append(" (tidak pasti: data belum cukup untuk memastikan kelasnya)");
            }
        }

        text.Append("; ").Append(r.IndicatorsMeetingTarget).Append(" dari ")
            .Append(r.IndicatorsJudged).Append(" indikator memenuhi target");
        if (r.Kelas == GapClass.DataKurang && r.Outcome is not null)
        {
            text.Append(" (terlalu sedikit indikator dengan data dan target)");
        }
        if (r.Shortfalls.Count > 0)
        {
            text.Append("; belum memenuhi target: ");
            text.AppendJoin(", ", r.Shortfalls.Select(s =>
                $"{s.Indikator} {Format(s.Value)} (target {Format(s.Target)}, selisih {Format(s.Gap)})"));
        }
        return text.ToString();
    }

    /// <summary>
    /// Under the point rule the comparison is what decided; under the exceedance rule the value may
    /// sit on either side of the threshold whatever the class, so the true comparison is written.
    /// </summary>
    private static string Comparison(GapResult r, double outcome, double threshold) =>
        r.HighProbability is null ? (r.OutcomeHigh == true ? " > " : " ≤ ") : outcome > threshold ? " > " : " ≤ ";

    private static string Format(double v) => IndonesianNumber.ToText(v);
}
