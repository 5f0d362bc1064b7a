package org.vaetexture.store;

import java.util.Objects;

/**
 * The physical size of one pixel along an axis of an OME-Zarr image, as its level-0 scale
 * transformation and its axis unit give it (e.g. 0.107 "micrometer").
 */
public final class AxisScale {

	private final double scale;
	private final String unit;

	/** @param unit an NGFF unit name, or null for none */
	public AxisScale(final double scale, final String unit) {
		this.scale = scale;
		this.unit = unit;
	}

	public double scale() {
		return scale;
	}

	/** The unit, or null. */
	public String unit() {
		return unit;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof AxisScale && Double.compare(((AxisScale) o).scale, scale) == 0 && Objects
			.equals(((AxisScale) o).unit, unit);
	}

	@Override
	public int hashCode() {
		return Double.hashCode(scale) * 31 + Objects.hashCode(unit);
	}

	@Override
	public String toString() {
		return scale + (unit == null ? "" : " " + unit);
	}
}
