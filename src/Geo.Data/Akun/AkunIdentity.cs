using Geo.Data.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Geo.Data.Akun;

/// <summary>
/// ASP.NET Core Identity as the server and the CLI both use it, so that password rules, hashing,
/// lockout and name normalisation are the same whichever side creates or checks an account.
/// </summary>
public static class AkunIdentity
{
    public const int MinimumPasswordLength = 10;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IdentityBuilder AddGeoIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<Akun>(o =>
            {
                o.Password.RequiredLength = MinimumPasswordLength;
                // "Not all of one class" is AkunPasswordValidator's rule; Identity's own class rules
                // would demand every class.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                // Inactive accounts are "unconfirmed" (AkunConfirmation): Identity then refuses their sign-in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<PeranAkun>()
            .AddEntityFrameworkStores<GeoDbContext>()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddPasswordValidator<AkunPasswordValidator>()
            .AddUserConfirmation<AkunConfirmation>();
}

/// <summary>An account may sign in while it is active.</summary>
public sealed class AkunConfirmation : IUserConfirmation<Akun>
{
    public Task<bool> IsConfirmedAsync(UserManager<Akun> manager, Akun user) => Task.FromResult(user.Aktif);
}

/// <summary>At least two of: lower-case letters, upper-case letters, digits, other characters.</summary>
public sealed class AkunPasswordValidator : IPasswordValidator<Akun>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Akun> manager, Akun user, string? password)
    {
        var text = password ?? "";
        var classes = new[] { text.Any(char.IsLower), text.Any(char.IsUpper), text.Any(char.IsDigit), text.Any(c => !char.IsLetterOrDigit(c)) }.Count(b => b);
        return Task.FromResult(classes >= 2
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordSatuJenis", Description = "sandi harus memuat paling sedikit dua jenis karakter (huruf kecil, huruf besar, angka, simbol)" }));
    }
}

/// <summary>Identity's messages that reach people, in Indonesian.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "akun tidak dapat diubah" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "akun diubah oleh proses lain; ulangi" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"akun '{userName}' sudah ada" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"nama akun '{userName}' tidak sah: hanya huruf, angka dan - . _ @ +" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"sandi terlalu pendek: paling sedikit {length} karakter" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"sandi harus memuat paling sedikit {uniqueChars} karakter berbeda" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"akun sudah berperan {role}" };
}
