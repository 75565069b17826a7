namespace BackgroundBot.Moderation;

/// <summary>One step of an undo could not be done; thrown inside the store's transaction so none of it is kept.</summary>
internal sealed class UndoRefusedException(string message) : Exception(message);
