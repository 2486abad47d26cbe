using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Geo.Core.Wilayah;

namespace Geo.Core.Tests.Properties;

public sealed partial class KodeWilayahProperties
{
    private static Gen<string> Digits(int count) => Gen.Choose(0, 9).ArrayOf(count).Select(d => string.Concat(d));

    /// <summary>Well-formed codes of every level: PP, PP.KK, PP.KK.CC, PP.KK.CC.[123]DDD.</summary>
    private static Gen<string[]> Segments() =>
        from level in Gen.Choose(1, 4)
        from pp in Digits(2)
        from kk in Digits(2)
        from cc in Digits(2)
        from first in Gen.Choose(1, 3)
        from ddd in Digits(3)
        select new[] { pp, kk, cc, $"{first}{ddd}" }[..level];

    [Property(MaxTest = 1000)]
    public Property Valid_codes_parse_dotted_or_undotted_and_round_trip() =>
        Prop.ForAll(Segments().ToArbitrary(), segments =>
        {
            var dotted = string.Join('.', segments);
            var fromDotted = KodeWilayah.TryParse(dotted, out var a, out _);
            var fromDigits = KodeWilayah.TryParse(string.Concat(segments), out var b, out _);
            return fromDotted && fromDigits && a.Value == dotted && b.Value == dotted && KodeWilayah.Parse(a.Value) == a && (int)a.Tingkat == segments.Length;
        });

    /// <summary>Text near codes (digits, dots, spaces, a few letters), so that both answers happen often.</summary>
    private static Arbitrary<string> CodeLikeText() =>
        Gen.Elements("0123456789. x٣".ToCharArray()).ArrayOf().Select(c => new string(c)).ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Any_text_is_a_well_formed_code_or_an_indonesian_error() =>
        Prop.ForAll(CodeLikeText(), Answer);

    [Property(MaxTest = 1000)]
    public bool Any_string_at_all_is_a_well_formed_code_or_an_indonesian_error(string? text) => Answer(text);

    private static bool Answer(string? text) =>
        KodeWilayah.TryParse(text, out var kode, out var error)
            ? WellFormed().IsMatch(kode.Value)
            : error.Contains("kode", StringComparison.Ordinal);

    [GeneratedRegex(@"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[123][0-9]{3})?)?)?$")]
    private static partial Regex WellFormed();
}
