package org.vaetexture.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * A short identity of a trained model: the first 16 hex digits of the SHA-256 of its weights and
 * normalization. Files derived from a model (texture class centres) carry it, so they are not used
 * with another model by mistake.
 */
public final class ModelFingerprint {

	private ModelFingerprint() {}

	public static String of(final VaeModel model) {
		final MessageDigest digest = sha256();
		for (final Map.Entry<String, float[]> w : model.network().weights().entrySet()) {
			digest.update(w.getKey().getBytes(StandardCharsets.UTF_8));
			digest.update(bytes(w.getValue()));
		}
		digest.update(bytes(model.normalization().centers()));
		digest.update(bytes(model.normalization().scales()));
		return shortHex(digest);
	}

	/** The same kind of identity, 16 hex digits of the SHA-256, of other content (a classes file). */
	public static String of(final byte[] content) {
		final MessageDigest digest = sha256();
		digest.update(content);
		return shortHex(digest);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-256", e);
		}
	}

	private static String shortHex(final MessageDigest digest) {
		final StringBuilder hex = new StringBuilder();
		for (final byte b : digest.digest())
			hex.append(String.format("%02x", b));
		return hex.substring(0, 16);
	}

	private static byte[] bytes(final float[] values) {
		final ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		b.asFloatBuffer().put(values);
		return b.array();
	}
}
