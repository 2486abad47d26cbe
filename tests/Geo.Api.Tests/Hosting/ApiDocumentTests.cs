using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Geo.Api.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Api.Tests.Hosting;

/// <summary>
/// The OpenAPI document against the endpoints the server really maps (EndpointDataSource, not the
/// document's own list): every operation is there with an operationId and a summary; every route
/// and query parameter of its handler is declared, typed and described; success responses have a
/// schema; and the problem responses its shape implies are there as application/problem+json.
/// Each gap is reported with what to add and where.
/// </summary>
public sealed partial class ApiDocumentTests(GeoApiFactory factory) : IClassFixture<GeoApiFactory>
{
    private const string Where = "src/Geo.Api/Hosting/ApiDocumentation.cs";

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement;

    [Fact]
    public async Task Every_endpoint_is_documented_with_its_parameters_and_responses()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        var gaps = new List<string>();
        var operationIds = new Dictionary<string, string>();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();
        Assert.True(endpoints.Count >= 40, $"{endpoints.Count} endpoints");

        foreach (var endpoint in endpoints)
        {
            var path = "/" + RouteConstraint().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "{$1}");
            foreach (var method in (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Where(m => m is not ("HEAD" or "OPTIONS")))
            {
                var where = $"{method} {path}";
                if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    gaps.Add($"{where}: not in the OpenAPI document; map it as the others are, or mark a deliberate omission with .ExcludeFromDescription()");
                    continue;
                }
                Check(where, endpoint, operation, gaps, operationIds);
            }
        }
        Assert.True(gaps.Count == 0, $"{gaps.Count} gaps in the OpenAPI document:\n" + string.Join("\n", gaps));
    }

    private static void Check(string where, RouteEndpoint endpoint, JsonElement operation, List<string> gaps, Dictionary<string, string> operationIds)
    {
        if (Text(operation, "operationId") is not { Length: > 0 } id)
        {
            gaps.Add($"{where}: no operationId (ApiDocumentation.OperationId names every operation: is the filter registered in AddSwaggerGen?)");
        }
        else if (!operationIds.TryAdd(id, where))
        {
            gaps.Add($"{where}: operationId {id} also names {operationIds[id]}; give one of them .WithName(\"...\")");
        }
        if (Text(operation, "summary") is not { Length: > 0 })
        {
            gaps.Add($"{where}: no summary: add .WithSummary(\"... dalam bahasa Indonesia\") where it is mapped");
        }

        var declared = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        foreach (var (name, location) in HandlerParameters(endpoint))
        {
            if (!declared.Any(p => string.Equals(Text(p, "name"), name, StringComparison.OrdinalIgnoreCase) && Text(p, "in") == location))
            {
                gaps.Add($"{where}: {location} parameter '{name}' of the handler is not in the document");
            }
        }
        foreach (var p in declared)
        {
            var name = Text(p, "name");
            if (Text(p, "description") is not { Length: > 0 })
            {
                gaps.Add($"{where}: parameter '{name}' has no description: add [\"{name}\"] = new(\"...\") to ApiDocumentation.Parameters in {Where} "
                    + $"if the name means the same everywhere, else .Parameter(\"{name}\", new(\"...\")) where the endpoint is mapped");
            }
            if (!p.TryGetProperty("schema", out var schema) || Text(schema, "type") is null && !schema.TryGetProperty("$ref", out _))
            {
                gaps.Add($"{where}: parameter '{name}' has no schema type: give its ParameterDoc a Type");
            }
        }

        var responses = operation.GetProperty("responses");
        var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
        if (success.Count == 0) gaps.Add($"{where}: no success response: add .Produces<T>() where it is mapped");
        foreach (var r in success.Where(r => r.Name != "204"))
        {
            var content = r.Value.TryGetProperty("content", out var c) ? c.EnumerateObject().ToList() : [];
            if (content.Count == 0)
            {
                gaps.Add($"{where}: response {r.Name} has no content: add .Produces<T>(contentType: ...) where it is mapped (.Produces<Stream>(...) for a file)");
            }
            foreach (var media in content.Where(m => m.Name.Contains("json", StringComparison.Ordinal) && !m.Value.TryGetProperty("schema", out _)))
            {
                gaps.Add($"{where}: response {r.Name} {media.Name} has no schema: add .Produces<T>() with the body's type where it is mapped");
            }
        }

        // The problems the endpoint's shape implies, derived here independently of the filter that writes them.
        var expected = new SortedSet<int> { 500 };
        if (HandlerParameters(endpoint).Any() || operation.TryGetProperty("requestBody", out _)) expected.Add(400);
        if (endpoint.RoutePattern.Parameters.Count > 0) expected.Add(404);
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null) { expected.Add(401); expected.Add(403); }
        foreach (var status in expected.Where(s => !responses.TryGetProperty(s.ToString(System.Globalization.CultureInfo.InvariantCulture), out _)))
        {
            gaps.Add($"{where}: no {status} response (the operation filter in {Where} derives it from the endpoint's access rule, parameters and body)");
        }
        foreach (var r in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5' && r.Name != "422"))
        {
            var schema = r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out var media)
                && media.TryGetProperty("schema", out var s) ? s : default;
            if (schema.ValueKind != JsonValueKind.Object || Text(schema, "$ref") != "#/components/schemas/Problem")
            {
                gaps.Add($"{where}: response {r.Name} is not application/problem+json with the Problem schema (errors are written once, by ErrorHandling)");
            }
        }
    }

    /// <summary>
    /// Route parameters, and the handler's simple-typed parameters that bind from the query (records
    /// with [AsParameters] expanded). Parameters the handler reads from HttpRequest.Query itself are
    /// invisible here: declare them with .Parameter(name, doc, query: true).
    /// </summary>
    private static IEnumerable<(string Name, string In)> HandlerParameters(RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var r in route) yield return (r, "path");
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler) yield break;
        foreach (var p in handler.GetParameters())
        {
            if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in p.ParameterType.GetProperties().Where(x => Simple(x.PropertyType)))
                {
                    var name = property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name;
                    if (!route.Contains(name)) yield return (name, "query");
                }
            }
            else if (Simple(p.ParameterType) && !route.Contains(p.Name!) && p.GetCustomAttribute<FromServicesAttribute>() is null)
            {
                yield return (p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, "query");
            }
        }
    }

    private static bool Simple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly);
    }

    [Fact]
    public async Task OGC_items_declare_every_filter_and_the_page_bounds_GDAL_and_QGIS_read()
    {
        var items = (await DocumentAsync()).GetProperty("paths").GetProperty("/ogc/collections/{id}/items").GetProperty("get");
        var parameters = items.GetProperty("parameters").EnumerateArray().ToDictionary(p => Text(p, "name")!, p => p);
        foreach (var name in new[] { "bbox", "limit", "offset", "kode", "induk", "indikator", "periode" }) Assert.True(parameters.ContainsKey(name), name);
        var limit = parameters["limit"].GetProperty("schema");
        Assert.Equal("integer", Text(limit, "type"));
        Assert.Equal(1, limit.GetProperty("minimum").GetInt32());
        Assert.Equal(1000, limit.GetProperty("maximum").GetInt32());
        Assert.Equal(100, limit.GetProperty("default").GetInt32());
    }

    [Theory]
    [InlineData("/tiles/{layer}/{z}/{x}/{y}.mvt")]
    [InlineData("/tiles/analisis/{id}/{z}/{x}/{y}.mvt")]
    public async Task Tile_coordinates_are_integers_and_the_value_pair_is_declared(string path)
    {
        var tile = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");
        var parameters = tile.GetProperty("parameters").EnumerateArray().ToDictionary(p => Text(p, "name")!, p => p);
        foreach (var axis in new[] { "z", "x", "y" }) Assert.Equal("integer", Text(parameters[axis].GetProperty("schema"), "type"));
        if (path.StartsWith("/tiles/{layer}", StringComparison.Ordinal)) Assert.True(parameters.ContainsKey("indikator") && parameters.ContainsKey("periode"));
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteConstraint();
}
