package com.misty.auth.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads and writes RSA keys as PEM (PKCS#8 private, X.509 SubjectPublicKeyInfo public). */
final class Pem {

    private Pem() {
    }

    static RSAPrivateCrtKey readPrivateKey(String location) {
        String pem = read(location);
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException("Signing key " + location + " is PKCS#1; convert it to PKCS#8 "
                    + "(openssl pkcs8 -topk8 -nocrypt).");
        }
        return privateKeyFromDer(der(pem));
    }

    static RSAPublicKey readPublicKey(String location) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(read(location))));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Not an RSA public key in PEM: " + location, e);
        }
    }

    static RSAPrivateCrtKey privateKeyFromDer(byte[] der) {
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Not an RSA private key in PKCS#8", e);
        }
    }

    static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the public key", e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String read(String location) {
        Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + path, e);
        }
    }
}
