using Geo.Core.Text;
using System.Text.RegularExpressions;
using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Data.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Geo.Api.Hosting;

/// <summary>
/// The one place where errors become HTTP: a <see cref="GeoException"/> (or a database failure that
/// <see cref="DatabaseErrors"/> translates into one) is answered by its kind; a request the framework
/// could not bind is a 400 that names the parameter in Indonesian; anything else is a 500 that says
/// nothing of the server's insides. Every error response is problem-details JSON with a detail.
/// </summary>
public static partial class ErrorHandling
{
    /// <summary>Seconds a client should wait before retrying while the database is down.</summary>
    public const int RetryAfterSeconds = 5;

    public static IServiceCollection AddGeoErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FillDefaults);
        services.AddExceptionHandler<GeoExceptionHandler>();
        // Binding failures throw instead of writing a bare 400, so they reach the handler above.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static void UseGeoErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    public static int StatusCode(GeoErrorKind kind) => kind switch
    {
        GeoErrorKind.Invalid => StatusCodes.Status400BadRequest,
        GeoErrorKind.NotFound => StatusCodes.Status404NotFound,
        GeoErrorKind.Conflict => StatusCodes.Status409Conflict,
        GeoErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        GeoErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        GeoErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        GeoErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        GeoErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The problem-details body of a Geo error: status, Indonesian title and detail, kind, and where.</summary>
    public static ProblemDetails ToProblem(GeoException e)
    {
        var problem = new ProblemDetails { Status = StatusCode(e.Kind), Detail = e.Describe() };
        problem.Extensions["jenis"] = KindName(e.Kind);
        if (e.Lokasi is { } where) problem.Extensions["lokasi"] = Parts(where);
        return problem;
    }

    /// <summary>Only the parts of the place that are known, by their Indonesian names.</summary>
    private static Dictionary<string, object> Parts(GeoErrorLocation where)
    {
        var parts = new Dictionary<string, object>();
        if (where.Berkas is { } berkas) parts["berkas"] = berkas;
        if (where.Entri is { } entri) parts["entri"] = entri;
        if (where.Lembar is { } lembar) parts["lembar"] = lembar;
        if (where.Sel is { } sel) parts["sel"] = sel;
        if (where.Baris is { } baris) parts["baris"] = baris;
        if (where.Fitur is { } fitur) parts["fitur"] = fitur;
        if (where.Kolom is { } kolom) parts["kolom"] = kolom;
        if (where.Parameter is { } parameter) parts["parameter"] = parameter;
        return parts;
    }

    public static string KindName(GeoErrorKind kind) => kind switch
    {
        GeoErrorKind.Invalid => "tidak_valid",
        GeoErrorKind.NotFound => "tidak_ditemukan",
        GeoErrorKind.Conflict => "konflik",
        GeoErrorKind.TooLarge => "terlalu_besar",
        GeoErrorKind.Forbidden => "tidak_diizinkan",
        GeoErrorKind.Unavailable => "tidak_tersedia",
        GeoErrorKind.Unauthenticated => "perlu_masuk",
        GeoErrorKind.TooManyRequests => "terlalu_sering",
        _ => "internal",
    };

    /// <summary>
    /// Writes a Geo error where no exception can travel to the handler: the authentication handlers'
    /// challenges and the rate limiter answer from inside the framework's own middleware.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, GeoException e)
    {
        var problem = ToProblem(e);
        http.Response.StatusCode = problem.Status!.Value;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>Titles and details in Indonesian for every status, also for responses the framework writes itself (404 route, 405).</summary>
    private static void FillDefaults(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Title = status switch
        {
            400 => "Permintaan tidak valid",
            401 => "Perlu masuk",
            403 => "Tidak diizinkan",
            404 => "Tidak ditemukan",
            405 => "Metode tidak diizinkan",
            409 => "Bertentangan dengan keadaan data",
            413 => "Melebihi batas",
            415 => "Jenis isi tidak didukung",
            429 => "Terlalu banyak permintaan",
            503 => "Layanan sementara tidak tersedia",
            >= 500 => "Kesalahan server",
            _ => problem.Title,
        };
        problem.Type = null;
        if (status == StatusCodes.Status413PayloadTooLarge && problem.Detail is null)
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<ImportLimits>();
            problem.Detail = $"berkas melebihi batas unggah {options.MaksimumMegabyte} MB; batas ini diatur dengan Geo:Impor:MaksimumMegabyte";
        }
        problem.Detail ??= status switch
        {
            404 => $"alamat {context.HttpContext.Request.Path} tidak ada",
            405 => $"metode {context.HttpContext.Request.Method} tidak dapat dipakai untuk {context.HttpContext.Request.Path}",
            415 => "jenis isi permintaan tidak didukung",
            >= 500 => "terjadi kesalahan di server; kesalahan ini sudah dicatat",
            _ => "permintaan tidak dapat diproses",
        };
        if (context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id is { } trace) problem.Extensions["traceId"] = trace;
    }

    private sealed class GeoExceptionHandler(IProblemDetailsService problems, ILogger<GeoExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
            {
                // The client went away; nobody reads the answer.
                http.Response.StatusCode = 499;
                return true;
            }

            var problem = exception switch
            {
                // Over the upload limit: the detail (with the limit and its setting) is filled in below.
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge },
                BadHttpRequestException bad => ToProblem(Describe(bad)),
                _ when DatabaseErrors.Translate(exception) is { } geo => ToProblem(geo),
                _ => null,
            };
            if (problem is null)
            {
                LogUnhandled(log, exception, http.Request.Method, http.Request.Path);
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError };
            }
            else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                LogUnavailable(log, http.Request.Method, http.Request.Path, exception.Message);
                // A database went away: no idle connection to it may fail the next request too.
                if (exception is not GeoException) http.RequestServices.GetRequiredService<DatabasePools>().ClearAfterFailure();
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            http.Response.StatusCode = problem.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception error, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path}: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string method, PathString path, string error);

    /// <summary>
    /// The framework's binding failures, said in Indonesian with the parameter named. Its messages are
    /// the only place the parameter's name and text are given, so they are read here, once.
    /// </summary>
    internal static GeoException Describe(BadHttpRequestException bad)
    {
        var message = bad.Message;
        if (FailedToBind().Match(message) is { Success: true } bind)
        {
            var name = ParameterName(bind.Groups["name"].Value);
            return GeoException.Parameter(name, $"'{UserText.Shorten(bind.Groups["value"].Value)}' bukan {TypeWords(bind.Groups["type"].Value)}");
        }
        if (Required().Match(message) is { Success: true } required)
        {
            var name = ParameterName(required.Groups["name"].Value);
            return required.Groups["source"].Value.Contains("form", StringComparison.Ordinal)
                ? GeoException.Parameter(name, $"berkas wajib diunggah sebagai bagian multipart '{name}'")
                : GeoException.Parameter(name, "parameter ini wajib diisi");
        }
        if (message.Contains("request body as JSON", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return GeoException.Invalid("isi permintaan bukan JSON yang sah untuk titik akhir ini" + JsonReason(bad));
        }
        if (message.Contains("JSON media type", StringComparison.Ordinal))
        {
            return GeoException.Invalid("isi permintaan harus JSON (Content-Type: application/json)");
        }
        if (message.Contains("form media type", StringComparison.Ordinal) || message.Contains("request form", StringComparison.Ordinal))
        {
            return GeoException.Invalid("unggahan harus multipart/form-data dengan berkas pada bagian 'berkas'");
        }
        return GeoException.Invalid("permintaan tidak dapat dibaca");
    }

    private static string JsonReason(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 1 } path } ? $" (di {path})" : "";

    private static string ParameterName(string declared) =>
        declared.Length == 0 ? declared : char.ToLowerInvariant(declared[0]) + declared[1..];


    // The framework names a nullable parameter's type "Nullable<int>" (and sometimes "int?").
    private static string TypeWords(string type) => (type.StartsWith("Nullable<", StringComparison.Ordinal) ? type[9..^1] : type.TrimEnd('?')) switch
    {
        "int" or "long" or "short" => "bilangan bulat",
        "ulong" or "uint" => "bilangan bulat tak negatif",
        "double" or "float" or "decimal" => "bilangan",
        "bool" => "true atau false",
        _ => $"nilai yang sah ({type})",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>\w+)" was not provided from (?<source>[^.]+)\.$""")]
    private static partial Regex Required();
}
