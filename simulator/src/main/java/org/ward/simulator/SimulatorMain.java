package org.ward.simulator;

public final class SimulatorMain {
    public static void main(String[] args) {
        System.out.println("ward-simulator");
    }
}
