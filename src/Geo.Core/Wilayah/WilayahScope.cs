namespace Geo.Core.Wilayah;

/// <summary>
/// The part of the country a query may see. Every data-layer query takes one, so that a server
/// shared by many kab/kota can limit each account to its own code prefix.
/// </summary>
public readonly record struct WilayahScope
{
    private WilayahScope(KodeWilayah? root) => Root = root;

    /// <summary>The code whose subtree is visible; null for the whole country.</summary>
    public KodeWilayah? Root { get; }

    public static WilayahScope Nasional { get; } = new(null);

    public static WilayahScope Within(KodeWilayah root) => new(root);

    public bool Contains(KodeWilayah kode) => Root is not { } root || kode.IsWithin(root);

    /// <summary>The LIKE pattern for descendants, or null when everything is visible.</summary>
    public string? DescendantPattern => Root is { } root ? root.Value + ".%" : null;

    public string? RootCode => Root?.Value;
}
