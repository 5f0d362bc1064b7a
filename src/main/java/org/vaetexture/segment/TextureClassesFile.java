package org.vaetexture.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;
import org.vaetexture.model.ModelFingerprint;

/**
 * Reads and writes {@link TextureClasses} as a small JSON file (format 3): the model fingerprint,
 * roughness and smoothing radii, feature standardization, projection and the Gaussian mixture
 * (weights, class centres, covariances). Written atomically.
 */
public final class TextureClassesFile {

	private static final int FORMAT = 3;
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	private TextureClassesFile() {}

	/** The JSON document, field for field. */
	private static final class Json {

		int format;
		String model;
		Integer roughnessRadius, radius;
		double[] featureCentre, featureScale, weights;
		double[][] projection, means;
		double[][][] covariances;
	}

	public static void save(final TextureClasses classes, final Path file) {
		final String json = GSON.toJson(json(classes));
		AtomicFiles.write(file, "class centres", temp -> Files.writeString(temp, json,
			StandardCharsets.UTF_8));
	}

	/** A short identity of the classes: 16 hex digits of the SHA-256 of their file's content. */
	public static String fingerprint(final TextureClasses classes) {
		return ModelFingerprint.of(GSON.toJson(json(classes)).getBytes(StandardCharsets.UTF_8));
	}

	private static Json json(final TextureClasses classes) {
		final Json j = new Json();
		j.format = FORMAT;
		j.model = classes.model();
		j.roughnessRadius = classes.roughnessRadius();
		j.radius = classes.radius();
		j.featureCentre = classes.featureCentre();
		j.featureScale = classes.featureScale();
		j.projection = classes.projection();
		j.weights = classes.weights();
		j.means = classes.means();
		j.covariances = classes.covariances();
		return j;
	}

	/** @throws VaeTextureException if the file is missing, not a centres file or inconsistent */
	public static TextureClasses load(final Path file) {
		final String what = "centres file '" + file + "'";
		if (!Files.isRegularFile(file)) throw new VaeTextureException(what + " does not exist");
		final Json j;
		try {
			j = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Json.class);
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot read " + what + ": " + e.getMessage(), e);
		}
		catch (final JsonParseException | IllegalStateException | NumberFormatException e) {
			throw new VaeTextureException(what + " is not a centres file written by 'segment'", e);
		}
		if (j != null && j.format >= 1 && j.format < FORMAT) throw new VaeTextureException(what +
			" was written by an older version of VAE Texture; fit the classes again and write a new one");
		if (j != null && j.format > FORMAT) throw new VaeTextureException(what +
			" was written by a newer version of VAE Texture; update the plugin");
		if (j == null || j.format != FORMAT || j.model == null || j.featureCentre == null ||
			j.featureScale == null || j.projection == null || j.weights == null || j.means == null ||
			j.covariances == null || j.weights.length < 2 || j.weights.length > 255 ||
			j.featureScale.length != j.featureCentre.length || j.means.length != j.weights.length ||
			j.covariances.length != j.weights.length || j.roughnessRadius == null || j.radius == null ||
			j.roughnessRadius < 0 || j.radius < 0 || j.roughnessRadius > 256 || j.radius > 256)
			throw notCentres(what);
		final int d = j.featureCentre.length, q = j.projection.length;
		for (final double[] row : j.projection)
			if (row == null || row.length != d) throw notCentres(what);
		if (!finite(j.featureCentre) || !finite(j.projection)) throw notCentres(what);
		for (final double s : j.featureScale)
			if (!(s > 0) || Double.isInfinite(s)) throw notCentres(what);
		for (int k = 0; k < j.weights.length; k++) {
			if (j.means[k] == null || j.means[k].length != q || j.covariances[k] == null ||
				j.covariances[k].length != q || !(j.weights[k] > 0) || Double.isInfinite(j.weights[k]) ||
				!finite(j.means[k])) throw notCentres(what);
			for (final double[] row : j.covariances[k])
				if (row == null || row.length != q) throw notCentres(what);
			if (!finite(j.covariances[k])) throw notCentres(what);
		}
		try {
			return new TextureClasses(j.model, j.roughnessRadius, j.radius, j.featureCentre,
				j.featureScale, j.projection, j.weights, j.means, j.covariances);
		}
		catch (final IllegalArgumentException e) {
			throw notCentres(what);
		}
	}

	private static boolean finite(final double[] values) {
		for (final double v : values)
			if (!Double.isFinite(v)) return false;
		return true;
	}

	/** Whether every row is finite (rows are known to be there). */
	private static boolean finite(final double[][] rows) {
		for (final double[] row : rows)
			if (!finite(row)) return false;
		return true;
	}

	private static VaeTextureException notCentres(final String what) {
		return new VaeTextureException(what + " is not a centres file written by 'segment' (or is damaged)");
	}
}
