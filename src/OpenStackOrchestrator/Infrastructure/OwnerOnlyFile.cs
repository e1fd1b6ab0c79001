using System.IO;
using System.Text;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A file for a private key that only its owner can read (mode 600, as ssh requires). Client.Config.PrivateFile
    /// sets the permissions (chmod or icacls).</summary>
    internal static class OwnerOnlyFile
    {
        /// <summary>Creates the file empty and restricts it before any key is written, so the key is never readable
        /// by others. An existing file is never overwritten.</summary>
        public static void Create(string path)
        {
            if (File.Exists(path))
                throw new IOException($"The file '{path}' already exists; New-OSKeyPair does not overwrite a key file. Remove it or choose another path.");
            Client.Config.PrivateFile.CreateNew(path);
        }

        /// <summary>Writes the key into the file made by <see cref="Create"/> (its permissions stay).</summary>
        public static void Write(string path, string privateKey) => File.WriteAllText(path, privateKey, new UTF8Encoding(false));
    }
}
