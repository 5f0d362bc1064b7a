package org.vaetexture.macro;

import net.imagej.patcher.LegacyInjector;

/**
 * Lets ImageJ 1.x commands with a dialog ({@code Duplicate...}, {@code Gaussian Blur...}) run
 * headless, as in Fiji: ij1-patcher rewrites ImageJ's classes, its dialogs included, so that they
 * take their values from the macro instead of opening a window. It must run before any ImageJ
 * class is loaded, so this class names none; where that is too late (ImageJ already loaded in this
 * JVM) or the JVM refuses the rewrite, ImageJ stays as it is and only such commands fail.
 */
public final class HeadlessPatch {

	private HeadlessPatch() {}

	/** @return whether ImageJ is now patched */
	public static boolean apply() {
		try {
			LegacyInjector.preinit();
			return true;
		}
		catch (final RuntimeException | LinkageError e) {
			return false;
		}
	}
}
