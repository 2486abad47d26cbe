using Geo.Core.Wilayah;

namespace Geo.Core.Akun;

/// <summary>
/// Who is asking, as every data-layer call that reads or writes sees it: the account's name (as
/// recorded in history and the audit log), the part of the country it may see, and its roles
/// there. Anonymous callers see the whole country's published data and hold no role.
/// </summary>
public sealed record Caller(string Nama, WilayahScope Area, IReadOnlySet<Peran> Peran)
{
    public static Caller Anonim { get; } = new("anonim", WilayahScope.Nasional, new HashSet<Peran>());

    public bool IsAnonymous => ReferenceEquals(this, Anonim) || Peran.Count == 0 && Nama == Anonim.Nama;

    public bool Has(Peran peran) => Peran.Contains(peran);

    /// <summary>A caller on the server's own shell (the CLI on the database): every role, the whole country.</summary>
    public static Caller Lokal(string nama) => new(nama, WilayahScope.Nasional, Enum.GetValues<Peran>().ToHashSet());
}

/// <summary>
/// Which values a read shows: the public view (the latest published value of each wilayah,
/// indicator and period; a newer draft never hides it), or the working view with drafts, which
/// only accounts with a role in the area may ask for and which is labelled as such wherever shown.
/// </summary>
public enum Tampilan
{
    Terbit,
    Draf,
}
