namespace Peerd.Primitives;

/// <summary>
/// The user's home directory, where <c>~/.peerd</c> lives: <c>$HOME</c> as given (it need not exist yet: the
/// daemon creates its data directory under it), else the account's home from the system.
/// </summary>
public static class HomeDirectory
{
    /// <summary>
    /// The home directory, or an empty string when neither <c>$HOME</c> nor the system names one (the caller then
    /// needs an explicit directory option).
    /// </summary>
    public static string Resolve() =>
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home
            ? home
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
}
