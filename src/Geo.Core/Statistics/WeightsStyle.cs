namespace Geo.Core.Statistics;

/// <summary>How the weights of a row are set, in spdep's and PySAL's letters.</summary>
public enum WeightsStyle
{
    /// <summary>B: every neighbour weighs 1.</summary>
    Binary,

    /// <summary>W: every neighbour of i weighs 1/k_i, so each row sums to 1 (islands keep an empty row).</summary>
    RowStandardised,
}
