using System.Text.RegularExpressions;

namespace Geo.Core.Indikator;

/// <summary>The form of an indicator code (PREV_STUNTING, L14, U_KELAS_BUMIL): upper-case letters, digits and _, a letter first, at most 40.</summary>
public static partial class KodeIndikator
{
    /// <summary>Stunting prevalence: the outcome analysed by default, and the one indicator the WHO prevalence classes apply to.</summary>
    public const string PrevalensiStunting = "PREV_STUNTING";

    public static bool IsValid(string? kode) => kode is not null && Pattern().IsMatch(kode);

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,39}$")]
    private static partial Regex Pattern();
}
