namespace BackgroundBot.Discord.Gateway;

/// <summary>The gateway cannot continue without a configuration change; the message says which.</summary>
internal sealed class GatewayFatalException(string message) : Exception(message);
