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
                .Append(Format(outcome)).Append(r.OutcomeHigh == true ? " > " : " ≤ ").Append(Format(threshold)).Append(')');
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

    private static string Format(double v) => IndonesianNumber.ToText(v);
}
