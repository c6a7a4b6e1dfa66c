package org.ward.rules.identity;

/**
 * Why a check could not run: the tenant's licence, a permission the app lacks, or a failure — always said, never a
 * silent pass.
 *
 * @param cause licence, permission or failure
 * @param because the sentence ("the tenant has no Microsoft Entra ID P2 licence, needed for risky users")
 */
public record NotRun(Cause cause, String because) {

    public enum Cause { LICENCE, PERMISSION, FAILURE, NO_DATA }

    public static NotRun licence(String because) {
        return new NotRun(Cause.LICENCE, because);
    }

    public static NotRun permission(String because) {
        return new NotRun(Cause.PERMISSION, because);
    }

    public static NotRun failure(String because) {
        return new NotRun(Cause.FAILURE, because);
    }

    public static NotRun noData(String because) {
        return new NotRun(Cause.NO_DATA, because);
    }
}
