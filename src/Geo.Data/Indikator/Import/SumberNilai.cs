namespace Geo.Data.Indikator.Import;

/// <summary>The sources people name, spelled one way; anything else is kept as written.</summary>
public static class SumberNilai
{
    public const string Sintetis = "sintetis";

    private static readonly string[] Known = ["e-PPGBM", "SSGI", "SKI", "web aksi bangda", Sintetis];

    public static string Normalise(string? sumber)
    {
        var text = (sumber ?? "").Trim();
        if (text.Length == 0) return "tidak disebut";
        var squashed = new string(text.Where(char.IsLetterOrDigit).ToArray());
        return Known.FirstOrDefault(k => string.Equals(new string(k.Where(char.IsLetterOrDigit).ToArray()), squashed, StringComparison.OrdinalIgnoreCase)) ?? text;
    }
}
