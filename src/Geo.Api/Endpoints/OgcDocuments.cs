using System.Text.Json;
using System.Text.Json.Serialization;

namespace Geo.Api.Endpoints;

// The bodies of the OGC API Features endpoints as types: written with them, and described by them
// in the OpenAPI document. Property names are the standard's.

public sealed record OgcLink(
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("rel")] string Rel,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title);

public sealed record OgcLandingPage(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("links")] IReadOnlyList<OgcLink> Links);

public sealed record OgcConformance([property: JsonPropertyName("conformsTo")] IReadOnlyList<string> ConformsTo);

public sealed record OgcSpatialExtent(
    [property: JsonPropertyName("bbox")] IReadOnlyList<double[]> Bbox,
    [property: JsonPropertyName("crs")] string Crs);

public sealed record OgcExtent([property: JsonPropertyName("spatial")] OgcSpatialExtent Spatial);

public sealed record OgcCollectionDescription(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("itemType")] string ItemType,
    [property: JsonPropertyName("crs")] IReadOnlyList<string> Crs,
    [property: JsonPropertyName("storageCrs")] string StorageCrs,
    [property: JsonPropertyName("extent")] OgcExtent Extent,
    [property: JsonPropertyName("links")] IReadOnlyList<OgcLink> Links);

public sealed record OgcCollections(
    [property: JsonPropertyName("links")] IReadOnlyList<OgcLink> Links,
    [property: JsonPropertyName("collections")] IReadOnlyList<OgcCollectionDescription> Collections);

/// <summary>A GeoJSON Feature as the features endpoints write it (PostGIS writes the body; this type documents it).</summary>
public sealed record GeoJsonFeature(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("geometry")] JsonElement Geometry,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, JsonElement> Properties);

/// <summary>A page of features (OGC API Features items), documented; written as text around PostGIS's features array.</summary>
public sealed record OgcFeaturePage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("numberMatched")] long NumberMatched,
    [property: JsonPropertyName("numberReturned")] int NumberReturned,
    [property: JsonPropertyName("timeStamp")] string TimeStamp,
    [property: JsonPropertyName("links")] IReadOnlyList<OgcLink> Links,
    [property: JsonPropertyName("features")] IReadOnlyList<GeoJsonFeature> Features);

/// <summary>A JSON Schema document (a collection's feature schema or its queryables).</summary>
public sealed record JsonSchemaDocument(
    [property: JsonPropertyName("$schema")] string Schema,
    [property: JsonPropertyName("$id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, JsonElement> Properties);

/// <summary>A GeoJSON FeatureCollection (RFC 7946) as the GeoJSON downloads write it; documents the body.</summary>
public sealed record GeoJsonFeatureCollectionDoc(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("features")] IReadOnlyList<GeoJsonFeature> Features);

/// <summary>A vector layer of a TileJSON document.</summary>
public sealed record TileJsonVectorLayer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields);

/// <summary>TileJSON 3.0.0 as the tile endpoints write it; documents the body.</summary>
public sealed record TileJsonDoc(
    [property: JsonPropertyName("tilejson")] string TileJson,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("attribution")] string Attribution,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("tiles")] IReadOnlyList<string> Tiles,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("bounds")] double[] Bounds,
    [property: JsonPropertyName("center")] double[] Center,
    [property: JsonPropertyName("vector_layers")] IReadOnlyList<TileJsonVectorLayer> VectorLayers)
{
    public const string BoundaryAttribution = "Batas wilayah: wilayah_boundaries oleh cahya dsn (MIT), Kepmendagri 300.2.2-2430/2025";
}

/// <summary>An entry of the tile layer list.</summary>
public sealed record TileLayerEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("judul")] string Judul,
    [property: JsonPropertyName("tilejson")] string TileJson);

/// <summary>The health answer.</summary>
public sealed record Kesehatan(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("postgis")] string? Postgis);
