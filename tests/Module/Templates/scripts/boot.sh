#!/bin/sh
echo booted by OpenStackOrchestrator
